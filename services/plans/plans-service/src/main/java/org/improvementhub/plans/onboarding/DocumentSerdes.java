package org.improvementhub.plans.onboarding;

import io.micronaut.serde.annotation.SerdeImport;
import org.improvementhub.plans.documents.ColumnGuess;
import org.improvementhub.plans.documents.ColumnRole;
import org.improvementhub.plans.documents.Flag;
import org.improvementhub.plans.documents.Origin;
import org.improvementhub.plans.documents.ProposedAction;
import org.improvementhub.plans.documents.ProposedDriver;
import org.improvementhub.plans.documents.ProposedItem;
import org.improvementhub.plans.documents.Rag;

/** JSON for the plan-documents library's records, which know nothing of Micronaut. */
@SerdeImport(ProposedItem.class)
@SerdeImport(ProposedAction.class)
@SerdeImport(ProposedDriver.class)
@SerdeImport(ColumnGuess.class)
@SerdeImport(ColumnRole.class)
@SerdeImport(Flag.class)
@SerdeImport(Flag.Kind.class)
@SerdeImport(Origin.class)
@SerdeImport(Rag.class)
final class DocumentSerdes {

  private DocumentSerdes() {}
}
