package org.improvementhub.plans.tree;

import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import java.util.UUID;

/** A programme's whole plan: its level names and its first-level nodes, each with its children. */
@Serdeable
public record PlanTreeView(UUID programmeId, List<String> levelNames, List<TreeNode> nodes) {}
