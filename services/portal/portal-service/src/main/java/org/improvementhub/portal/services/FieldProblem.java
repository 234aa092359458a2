package org.improvementhub.portal.services;

/** One field a service refused, in the service's own words (its problem+json {@code errors}). */
public record FieldProblem(String field, String message) {}
