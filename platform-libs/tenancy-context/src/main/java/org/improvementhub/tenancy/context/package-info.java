/**
 * Who a council is and how a unit of work is bound to it: the validated {@link
 * org.improvementhub.tenancy.context.CouncilSlug}, its schema name, the scoped {@link
 * org.improvementhub.tenancy.context.CouncilContext}, the tenant resolver Micronaut Data uses to
 * pick the schema, and the rule that decides whether a caller may see a council at all.
 */
package org.improvementhub.tenancy.context;
