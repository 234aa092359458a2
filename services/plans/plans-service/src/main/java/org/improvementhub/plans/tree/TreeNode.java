package org.improvementhub.plans.tree;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A node of the plan tree as read whole: an {@code ITEM} with its children in order, or an {@code
 * ACTION} leaf with its RAG and effective due date, and the day it was withdrawn if it was.
 */
@Serdeable
public record TreeNode(
    String kind,
    UUID id,
    String ref,
    String title,
    int depth,
    String level,
    int position,
    String owner,
    String successCriteria,
    String ragStatus,
    LocalDate dueDate,
    List<TreeNode> children,
    @Nullable LocalDate withdrawnOn) {}
