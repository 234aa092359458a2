package org.improvementhub.plans.onboarding;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.improvementhub.plans.audit.AuditTrail;
import org.improvementhub.plans.documents.ColumnGuess;
import org.improvementhub.plans.documents.ColumnRole;
import org.improvementhub.plans.documents.DocumentProblem;
import org.improvementhub.plans.documents.DuplicateRefs;
import org.improvementhub.plans.documents.Flag;
import org.improvementhub.plans.documents.PlanDocumentReader;
import org.improvementhub.plans.documents.Proposal;
import org.improvementhub.plans.transfer.ImportOutcome;
import org.improvementhub.plans.transfer.TemplateRows;
import org.improvementhub.tenancy.context.CouncilSlug;
import org.improvementhub.web.problem.ProblemException;
import org.improvementhub.web.problem.ProblemType;

/**
 * Proposals from councils' Word plans: read an upload into a stored proposal, change its column
 * mapping (remembered for the council), confirm it through the template import, or give it back as
 * template rows. The stored document is read again whenever the mapping changes, so the proposal
 * shown is always what confirming would import.
 */
@Singleton
public class DocumentProposals {

  private static final ZoneId UK = ZoneId.of("Europe/London");
  private static final Argument<Map<String, String>> MAPPING =
      Argument.mapOf(String.class, String.class);

  private final ProposalStore store;
  private final Reuploads reuploads;
  private final TemplateRows template;
  private final AuditTrail audit;
  private final JsonMapper json;
  private final Clock clock;
  private final long mostBytes;

  public DocumentProposals(
      ProposalStore store,
      Reuploads reuploads,
      TemplateRows template,
      AuditTrail audit,
      JsonMapper json,
      Clock clock,
      @Value("${hub.plans.documents.most-bytes:5242880}") long mostBytes) {
    this.store = store;
    this.reuploads = reuploads;
    this.template = template;
    this.audit = audit;
    this.json = json;
    this.clock = clock;
    this.mostBytes = mostBytes;
  }

  /**
   * @throws ProblemException 400 naming {@code file} when it is not a readable Word plan; 413 when
   *     it is larger than {@code hub.plans.documents.most-bytes}
   */
  @Transactional
  public ProposalView upload(CouncilSlug council, String fileName, byte[] document) {
    return upload(council, null, fileName, document);
  }

  /**
   * A newer version of the document behind {@code programmeId}: the proposal also carries its diff
   * against that programme. Nothing in the plan changes until it is applied.
   */
  @Transactional
  public ProposalView upload(
      CouncilSlug council, UUID programmeId, String fileName, byte[] document) {
    if (programmeId != null) {
      reuploads.programme(programmeId);
    }
    if (document.length > mostBytes) {
      throw ProblemException.of(
          ProblemType.PAYLOAD_TOO_LARGE,
          "The document is larger than "
              + mostBytes / (1024 * 1024)
              + " MB: save it without images and upload it again");
    }
    Map<String, String> mapping = new LinkedHashMap<>();
    store.remembered(council).forEach((header, role) -> mapping.put(header, role.name()));
    UUID id = UUID.randomUUID();
    Reading reading =
        read(council, id, fileName, document, mapping, Map.of(), Map.of(), "PROPOSED", programmeId);
    store.add(
        council,
        id,
        fileName,
        document,
        write(mapping),
        write(reading.view),
        audit.actor(),
        clock.instant(),
        programmeId);
    // the stored document is a record of the council's: who uploaded which file, for what
    Map<String, Object> uploaded = new LinkedHashMap<>();
    uploaded.put("fileName", fileName);
    uploaded.put("bytes", document.length);
    uploaded.put("mapping", mapping);
    if (programmeId != null) {
      uploaded.put("programmeId", programmeId.toString());
    }
    audit.record("plan-document", id, "UPLOADED", null, uploaded);
    return reading.view;
  }

  @Transactional
  public String view(CouncilSlug council, UUID id) {
    return require(council, id).view();
  }

  /** Reads the document again with the new choices, and remembers them for the council. */
  @Transactional
  public ProposalView remap(CouncilSlug council, UUID id, MappingChange change) {
    ProposalStore.Stored stored = proposed(council, id);
    Map<String, String> mapping = new LinkedHashMap<>(readMapping(stored.mapping()));
    List<String> headers = currentHeaders(stored);
    for (int i = 0; i < change.columns().size(); i++) {
      MappingChange.Column column = change.columns().get(i);
      String header = key(column.header());
      if (!headers.contains(header)) {
        throw ProblemException.invalidField(
            "columns[" + i + "].header",
            "no action table in the document has a column headed \"" + column.header() + "\"");
      }
      mapping.put(header, column.role().name());
      store.remember(council, header, column.role(), audit.actor(), clock.instant());
    }
    Reading reading =
        read(
            council,
            id,
            stored.fileName(),
            stored.document(),
            mapping,
            readMapping(stored.duplicates()),
            Map.of(),
            "PROPOSED",
            stored.programmeId());
    store.change(council, id, write(mapping), write(reading.view));
    audit.record(
        "plan-document",
        id,
        "MAPPING_CHANGED",
        Map.of("mapping", readMapping(stored.mapping())),
        Map.of("mapping", mapping));
    return reading.view;
  }

  /**
   * Chooses what to do with actions whose ref the document uses twice; the document is read again
   * with every choice made so far, and the choices stay with the proposal until it is confirmed.
   */
  @Transactional
  public ProposalView resolve(CouncilSlug council, UUID id, DuplicateChoices change) {
    ProposalStore.Stored stored = proposed(council, id);
    Map<String, String> duplicates = new LinkedHashMap<>(readMapping(stored.duplicates()));
    java.util.Set<String> choosable = new java.util.LinkedHashSet<>(duplicates.keySet());
    readView(stored.view()).flags().stream()
        .filter(f -> f.kind() == Flag.Kind.DUPLICATE)
        .forEach(f -> choosable.add(f.ref()));
    for (int i = 0; i < change.choices().size(); i++) {
      DuplicateChoices.Choice choice = change.choices().get(i);
      if (!choosable.contains(choice.ref())) {
        throw ProblemException.invalidField(
            "choices[" + i + "].ref", "is not a duplicate ref of this document's actions");
      }
      duplicates.put(choice.ref(), choice.resolution().name());
    }
    Reading reading =
        read(
            council,
            id,
            stored.fileName(),
            stored.document(),
            readMapping(stored.mapping()),
            duplicates,
            Map.of(),
            "PROPOSED",
            stored.programmeId());
    store.resolved(council, id, write(duplicates), write(reading.view));
    audit.record(
        "plan-document",
        id,
        "DUPLICATES_CHOSEN",
        Map.of("duplicates", readMapping(stored.duplicates())),
        Map.of("duplicates", duplicates));
    return reading.view;
  }

  /** The same all-or-nothing import as the plan template; a problem lists the template's rows. */
  @Transactional
  public ImportOutcome confirm(CouncilSlug council, UUID id, Map<String, String> settings) {
    ProposalStore.Stored stored = proposed(council, id);
    if (stored.programmeId() != null) {
      throw ProblemException.of(
          ProblemType.CONFLICT,
          "This document updates programme "
              + stored.programmeId()
              + ": apply it (POST …/apply) rather than confirm it");
    }
    Map<String, String> mapping = readMapping(stored.mapping());
    Reading reading =
        read(
            council,
            id,
            stored.fileName(),
            stored.document(),
            mapping,
            readMapping(stored.duplicates()),
            settings,
            "PROPOSED",
            null);
    ImportOutcome outcome = template.importRows(council, reading.plan.rows(), false);
    Reading confirmed =
        read(
            council,
            id,
            stored.fileName(),
            stored.document(),
            mapping,
            readMapping(stored.duplicates()),
            settings,
            "CONFIRMED",
            null);
    ProposalView confirmedView = confirmed.view.withProgramme(outcome.programmeId());
    store.confirmed(
        council, id, outcome.programmeId(), write(confirmedView), audit.actor(), clock.instant());
    audit.record(
        "plan-document",
        id,
        "CONFIRMED",
        null,
        Map.of("programmeId", outcome.programmeId().toString(), "fileName", stored.fileName()));
    return outcome;
  }

  /**
   * Applies a re-uploaded document's diff as it was shown, in one transaction.
   *
   * @throws ProblemException 409 when the programme changed since the diff was made, or the
   *     proposal is for a new programme or already applied
   */
  @Transactional
  public ApplyOutcome apply(CouncilSlug council, UUID id, ApplyRequest request) {
    ProposalStore.Stored stored = proposed(council, id);
    if (stored.programmeId() == null) {
      throw ProblemException.of(
          ProblemType.CONFLICT,
          "This document proposes a new programme: confirm it (POST …/confirm) rather than apply it");
    }
    ProposalView shown = readView(stored.view());
    ApplyOutcome outcome = reuploads.apply(council, id, stored.fileName(), shown.diff(), request);
    store.applied(council, id, write(shown.withStatus("APPLIED")), audit.actor(), clock.instant());
    audit.record(
        "plan-document",
        id,
        "APPLIED",
        null,
        Map.of(
            "programmeId",
            stored.programmeId().toString(),
            "fileName",
            stored.fileName(),
            "kept",
            String.join("; ", outcome.kept()),
            "withdrawn",
            String.join("; ", outcome.withdrawn())));
    return outcome;
  }

  /** The proposal as plan template rows, to fix in Excel and upload through the template import. */
  @Transactional
  public List<Map<String, String>> templateRows(CouncilSlug council, UUID id) {
    ProposalStore.Stored stored = require(council, id);
    return read(
            council,
            id,
            stored.fileName(),
            stored.document(),
            readMapping(stored.mapping()),
            readMapping(stored.duplicates()),
            Map.of(),
            stored.status(),
            null)
        .plan
        .rows();
  }

  private record Reading(PlanFromDocument plan, ProposalView view) {}

  private Reading read(
      CouncilSlug council,
      UUID id,
      String fileName,
      byte[] document,
      Map<String, String> mapping,
      Map<String, String> duplicates,
      Map<String, String> settings,
      String status,
      UUID against) {
    Map<String, ColumnRole> roles = new LinkedHashMap<>();
    mapping.forEach((header, role) -> roles.put(header, ColumnRole.valueOf(role)));
    Proposal proposal;
    try {
      proposal = new PlanDocumentReader(roles).read(document);
    } catch (DocumentProblem problem) {
      throw ProblemException.invalidField("file", problem.getMessage());
    }
    Map<String, DuplicateRefs.Resolution> choices = new LinkedHashMap<>();
    duplicates.forEach((ref, choice) -> choices.put(ref, DuplicateRefs.Resolution.valueOf(choice)));
    proposal = DuplicateRefs.resolve(proposal, choices);
    PlanFromDocument.Known known =
        new PlanFromDocument.Known(
            store.leadEmails(council), store.drivers(council), new java.util.HashSet<>());
    PlanFromDocument plan =
        PlanFromDocument.of(
            council.value(),
            fileName,
            proposal,
            settings,
            known,
            audit.actor(),
            LocalDate.ofInstant(clock.instant(), UK));
    // a driver the council already has needs no words from the document
    List<Flag> flags =
        new ArrayList<>(
            proposal.flags().stream()
                .filter(f -> !("driver".equals(f.field()) && known.matched().contains(f.ref())))
                .toList());
    flags.addAll(plan.flags());
    ProposalView view =
        new ProposalView(
            id,
            fileName,
            status,
            against,
            proposal.title(),
            proposal.levelNames(),
            proposal.countsPerLevel(),
            plan.settings(),
            proposal.items(),
            proposal.actions(),
            proposal.drivers(),
            proposal.mapping(),
            proposal.legend(),
            flags,
            against == null ? null : reuploads.diff(against, proposal, plan),
            duplicates.isEmpty() ? null : Map.copyOf(duplicates));
    return new Reading(plan, view);
  }

  private ProposalView readView(String text) {
    try {
      return json.readValue(text, ProposalView.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private List<String> currentHeaders(ProposalStore.Stored stored) {
    try {
      ProposalView view = json.readValue(stored.view(), ProposalView.class);
      return view.mapping().stream().map(ColumnGuess::header).map(DocumentProposals::key).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private ProposalStore.Stored require(CouncilSlug council, UUID id) {
    return store
        .find(council, id)
        .orElseThrow(() -> ProblemException.notFound("Plan document " + id));
  }

  private ProposalStore.Stored proposed(CouncilSlug council, UUID id) {
    ProposalStore.Stored stored = require(council, id);
    if (!"PROPOSED".equals(stored.status())) {
      throw ProblemException.of(ProblemType.CONFLICT, "This document's plan is already confirmed");
    }
    return stored;
  }

  private Map<String, String> readMapping(String text) {
    try {
      return json.readValue(text, MAPPING);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private String write(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String key(String header) {
    return header.strip().replaceAll("\\s+", " ").toLowerCase(java.util.Locale.ROOT);
  }
}
