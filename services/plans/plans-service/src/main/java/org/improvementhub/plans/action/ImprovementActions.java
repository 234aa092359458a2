package org.improvementhub.plans.action;

import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.improvementhub.messaging.outbox.Outbox;
import org.improvementhub.plans.events.ActionCreated;
import org.improvementhub.tenancy.context.CouncilSlug;
import org.improvementhub.web.problem.ProblemException;
import org.improvementhub.web.problem.ProblemType;

/** Adds and reads a council's improvement actions; every change is announced through the outbox. */
@Singleton
public class ImprovementActions {

  private final ImprovementActionRepository actions;
  private final Outbox outbox;

  public ImprovementActions(ImprovementActionRepository actions, Outbox outbox) {
    this.actions = actions;
    this.outbox = outbox;
  }

  @Transactional
  public ImprovementAction add(CouncilSlug council, NewAction request) {
    if (actions.existsByRef(request.ref())) {
      throw ProblemException.of(
          ProblemType.CONFLICT, "An action with ref " + request.ref() + " already exists");
    }
    ImprovementAction saved =
        actions.save(
            ImprovementAction.create(
                request.ref(),
                request.title().strip(),
                request.lead().name().strip(),
                request.lead().email().strip(),
                request.dueDate(),
                request.ragStatus() == null ? RagStatus.GREY : request.ragStatus()));
    outbox.append(
        ActionCreated.TOPIC,
        council,
        ActionCreated.TYPE,
        1,
        saved.id().toString(),
        new ActionCreated(
            saved.id(),
            saved.ref(),
            saved.title(),
            saved.leadName(),
            saved.leadEmail(),
            saved.dueDate(),
            saved.ragStatus().name(),
            saved.snapshot()));
    return saved;
  }

  @Transactional
  public List<ImprovementAction> all() {
    return actions.findAllOrderByRef();
  }

  @Transactional
  public Optional<ImprovementAction> find(UUID id) {
    return actions.findById(id);
  }
}
