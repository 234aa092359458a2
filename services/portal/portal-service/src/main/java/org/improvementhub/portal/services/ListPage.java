package org.improvementhub.portal.services;

import java.util.List;
import java.util.Map;

/**
 * One page of a service's list, and how many the whole list holds (the services' {@code
 * X-Total-Count}).
 */
public record ListPage(List<Map<String, Object>> items, long total) {}
