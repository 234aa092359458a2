package org.improvementhub.portal.admin;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.views.ModelAndView;
import java.net.URI;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.improvementhub.portal.page.Allowed;
import org.improvementhub.portal.page.Choice;
import org.improvementhub.portal.page.FormErrors;
import org.improvementhub.portal.page.FormField;
import org.improvementhub.portal.page.FormValues;
import org.improvementhub.portal.page.Pages;
import org.improvementhub.portal.page.PostedForm;
import org.improvementhub.portal.page.ServiceErrors;
import org.improvementhub.portal.services.CouncilAddress;
import org.improvementhub.portal.services.HubService;
import org.improvementhub.portal.services.HubServices;
import org.improvementhub.portal.session.Person;
import org.improvementhub.portal.session.Sessions;

/**
 * The council admin's pages over tenancy's users API and notifications' settings and delivery log.
 * Only council admins (and platform staff) get them; the services check again on every call.
 */
@Controller(value = "/councils/{council}/admin", produces = MediaType.TEXT_HTML)
public class AdminPages {

  static final List<Choice> ROLES =
      List.of(
          new Choice("COUNCIL_ADMIN", "Council admin", "Manages users and notification settings"),
          new Choice("PROGRAMME_MANAGER", "Programme manager", "Edits the plan and measures"),
          new Choice("ACTION_LEAD", "Action lead", "Reports progress on actions"),
          new Choice("BOARD_MEMBER", "Improvement Board member", "Reads the plan and reports"));
  private static final String ROLE = "role-";
  private static final int LOG_PAGE = 50;
  private static final int LOG_MOST = 1000;
  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("d MMM yyyy HH:mm").withZone(ZoneId.of("Europe/London"));
  private static final FormField SENDER = FormField.of("senderName", "Sender name");
  private static final ServiceErrors SETTINGS_REFUSED =
      ServiceErrors.against(SENDER)
          .field(FormField.of("reminderDaysBefore", "Days before:"))
          .field(FormField.of("repeatEveryDays", "Repeat every:"))
          .field(FormField.of("escalateAfterDays", "Escalate after:"))
          .field(SENDER)
          .field(FormField.of("replyTo", "Reply-to address"));
  private static final FormField ROLES_FIELD =
      new FormField("roles", ROLE + ROLES.get(0).value(), "Roles:");
  private static final ServiceErrors USER_REFUSED =
      ServiceErrors.against(ROLES_FIELD)
          .field(ROLES_FIELD)
          .field("disabled", FormField.of("account", "Account:"));
  static final List<String> SWITCHES =
      List.of("remindersEnabled", "overdueEnabled", "repeatsEnabled", "escalationsEnabled");

  private final Sessions sessions;
  private final Pages pages;
  private final HubServices services;

  public AdminPages(Sessions sessions, Pages pages, HubServices services) {
    this.sessions = sessions;
    this.pages = pages;
    this.services = services;
  }

  @Get("/users")
  public ModelAndView<Map<String, Object>> users(
      HttpRequest<?> request, @PathVariable String council) {
    Person person = Allowed.toAdminister(sessions.person(request));
    String slug = CouncilAddress.slug(council);
    List<Map<String, Object>> rows = new ArrayList<>();
    for (Map<String, Object> user :
        services.list(HubService.TENANCY, "/councils/" + slug + "/users", person.accessToken())) {
      Map<String, Object> row = new HashMap<>(user);
      row.put("roleText", roleText(user.get("roles")));
      rows.add(row);
    }
    Map<String, Object> model = model(request, person, slug, "Users and roles", "users");
    model.put("users", rows);
    return new ModelAndView<>("admin-users", model);
  }

  @Get("/users/{id}")
  public ModelAndView<Map<String, Object>> user(
      HttpRequest<?> request, @PathVariable String council, @PathVariable String id) {
    Person person = Allowed.toAdminister(sessions.person(request));
    String slug = CouncilAddress.slug(council);
    Map<String, Object> user = user(person, slug, CouncilAddress.id(id));
    Map<String, String> form = new HashMap<>();
    if (user.get("roles") instanceof List<?> roles) {
      roles.forEach(role -> form.put(ROLE + role, "yes"));
    }
    form.put("account", Boolean.TRUE.equals(user.get("disabled")) ? "disabled" : "active");
    return new ModelAndView<>(
        "admin-user", userModel(request, person, slug, user, form, FormErrors.none()));
  }

  @Post(value = "/users/{id}", consumes = MediaType.APPLICATION_FORM_URLENCODED)
  public HttpResponse<?> changeUser(
      HttpRequest<?> request,
      @PathVariable String council,
      @PathVariable String id,
      @Body Map<String, String> body) {
    PostedForm posted = PostedForm.read(sessions, request, body);
    Person person = Allowed.toAdminister(posted.person());
    String slug = CouncilAddress.slug(council);
    Map<String, Object> user = user(person, slug, CouncilAddress.id(id));
    Map<String, String> form = posted.values();
    FormErrors errors = posted.errors();
    List<String> roles =
        ROLES.stream()
            .map(Choice::value)
            .filter(role -> "yes".equals(form.get(ROLE + role)))
            .toList();
    if (roles.isEmpty()) {
      errors.add("roles", ROLE + ROLES.get(0).value(), "Select at least one role");
    }
    String account = posted.value("account");
    if (!account.equals("active") && !account.equals("disabled")) {
      errors.add("account", "account", "Select whether the account is active or disabled");
    }
    return posted.send(
        USER_REFUSED,
        () -> {
          Map<String, Object> change = new LinkedHashMap<>();
          change.put("roles", roles);
          change.put("disabled", account.equals("disabled"));
          services.put(
              HubService.TENANCY,
              "/councils/" + slug + "/users/" + user.get("id"),
              person.accessToken(),
              change);
          return URI.create("/councils/" + slug + "/admin/users?saved=" + user.get("id"));
        },
        shown ->
            new ModelAndView<>("admin-user", userModel(request, person, slug, user, form, shown)));
  }

  @Get("/notifications")
  public ModelAndView<Map<String, Object>> settings(
      HttpRequest<?> request, @PathVariable String council) {
    Person person = Allowed.toAdminister(sessions.person(request));
    String slug = CouncilAddress.slug(council);
    Map<String, Object> settings =
        services.object(
            HubService.NOTIFICATIONS,
            "/councils/" + slug + "/notification-settings",
            person.accessToken());
    Map<String, String> form = new HashMap<>();
    settings.forEach((name, value) -> form.put(name, FormValues.text(value)));
    for (String name : SWITCHES) {
      form.put(name, Boolean.TRUE.equals(settings.get(name)) ? "yes" : "");
    }
    return new ModelAndView<>(
        "admin-notifications", settingsModel(request, person, slug, form, FormErrors.none()));
  }

  @Post(value = "/notifications", consumes = MediaType.APPLICATION_FORM_URLENCODED)
  public HttpResponse<?> changeSettings(
      HttpRequest<?> request, @PathVariable String council, @Body Map<String, String> body) {
    PostedForm posted = PostedForm.read(sessions, request, body);
    Person person = Allowed.toAdminister(posted.person());
    String slug = CouncilAddress.slug(council);
    Map<String, String> form = posted.values();
    FormErrors errors = posted.errors();
    Map<String, Object> settings = new LinkedHashMap<>();
    for (String name : SWITCHES) {
      settings.put(name, "yes".equals(form.get(name)));
    }
    settings.put(
        "reminderDaysBefore", days(form, "reminderDaysBefore", "Reminder days", 60, errors));
    settings.put("repeatEveryDays", days(form, "repeatEveryDays", "Repeat days", 60, errors));
    settings.put(
        "escalateAfterDays", days(form, "escalateAfterDays", "Escalation days", 180, errors));
    String sender = FormValues.optional(form, "senderName", "Sender name", 100, errors);
    if (sender != null && sender.matches(".*[<>\"].*")) {
      errors.add("senderName", "senderName", "Sender name must not contain <, > or \"");
    }
    settings.put("senderName", sender);
    String replyTo = FormValues.optional(form, "replyTo", "Reply-to address", 254, errors);
    if (replyTo != null && !replyTo.matches("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$")) {
      errors.add(
          "replyTo",
          "replyTo",
          "Enter a reply-to address in the correct format, like team@council.gov.uk");
    }
    settings.put("replyTo", replyTo);
    return posted.send(
        SETTINGS_REFUSED,
        () -> {
          services.put(
              HubService.NOTIFICATIONS,
              "/councils/" + slug + "/notification-settings",
              person.accessToken(),
              settings);
          return URI.create("/councils/" + slug + "/admin/notifications?saved=yes");
        },
        shown ->
            new ModelAndView<>(
                "admin-notifications", settingsModel(request, person, slug, form, shown)));
  }

  /**
   * The delivery log, newest first, {@value #LOG_PAGE} a page. The notifications service gives the
   * newest emails up to a limit (at most {@value #LOG_MOST}), so pages reach back that far.
   */
  @Get("/email-deliveries")
  public ModelAndView<Map<String, Object>> deliveries(
      HttpRequest<?> request, @PathVariable String council, @Nullable @QueryValue String page) {
    Person person = Allowed.toAdminister(sessions.person(request));
    String slug = CouncilAddress.slug(council);
    int pageNumber = pageNumber(page);
    int wanted = Math.min(LOG_MOST, pageNumber * LOG_PAGE + 1);
    List<Map<String, Object>> found =
        services.list(
            HubService.NOTIFICATIONS,
            "/councils/" + slug + "/email-deliveries?limit=" + wanted,
            person.accessToken());
    int from = Math.min(found.size(), (pageNumber - 1) * LOG_PAGE);
    int to = Math.min(found.size(), pageNumber * LOG_PAGE);
    List<Map<String, Object>> rows = new ArrayList<>();
    for (Map<String, Object> email : found.subList(from, to)) {
      Map<String, Object> row = new HashMap<>(email);
      row.put(
          "when", when(email.get("sentAt") != null ? email.get("sentAt") : email.get("createdAt")));
      row.put("kindText", words(email.get("kind")));
      row.put("statusText", words(email.get("status")));
      rows.add(row);
    }
    Map<String, Object> model = model(request, person, slug, "Email delivery log", "emails");
    model.put("emails", rows);
    model.put("pageNumber", pageNumber);
    model.put("previousPage", pageNumber > 1 ? pageNumber - 1 : null);
    model.put("nextPage", found.size() > to && to < LOG_MOST ? pageNumber + 1 : null);
    return new ModelAndView<>("admin-emails", model);
  }

  private static int pageNumber(String page) {
    try {
      int number = page == null ? 1 : Integer.parseInt(page);
      return Math.max(1, Math.min(number, LOG_MOST / LOG_PAGE));
    } catch (NumberFormatException notANumber) {
      return 1;
    }
  }

  private static Integer days(
      Map<String, String> form, String name, String label, int most, FormErrors errors) {
    String value = form.getOrDefault(name, "");
    if (!value.matches("[0-9]{1,3}")) {
      errors.add(name, name, label + " must be a whole number of days, like 7");
      return null;
    }
    int days = Integer.parseInt(value);
    if (days < 1 || days > most) {
      errors.add(name, name, label + " must be between 1 and " + most);
      return null;
    }
    return days;
  }

  private Map<String, Object> userModel(
      HttpRequest<?> request,
      Person person,
      String slug,
      Map<String, Object> user,
      Map<String, String> form,
      FormErrors errors) {
    Map<String, Object> model =
        model(request, person, slug, "Change " + user.get("displayName") + "'s roles", "users");
    model.put("user", user);
    model.put("form", form);
    model.put("roles", ROLES);
    model.put(
        "accounts",
        List.of(
            new Choice("active", "Active", "They can sign in"),
            new Choice("disabled", "Disabled", "They can no longer sign in")));
    Pages.showErrors(model, errors);
    return model;
  }

  private Map<String, Object> settingsModel(
      HttpRequest<?> request,
      Person person,
      String slug,
      Map<String, String> form,
      FormErrors errors) {
    Map<String, Object> model =
        model(request, person, slug, "Notification settings", "notifications");
    model.put("form", form);
    model.put(
        "switches",
        List.of(
            Choice.of("remindersEnabled", "Reminders before an action is due"),
            Choice.of("overdueEnabled", "Overdue notices"),
            Choice.of("repeatsEnabled", "Repeated overdue notices"),
            Choice.of("escalationsEnabled", "Escalations to the programme manager")));
    Pages.showErrors(model, errors);
    return model;
  }

  private Map<String, Object> model(
      HttpRequest<?> request, Person person, String slug, String title, String tab) {
    Map<String, Object> model = pages.councilAfterForm(request, person, slug, title, "admin");
    model.put("tab", tab);
    return model;
  }

  private Map<String, Object> user(Person person, String slug, UUID id) {
    return services.object(
        HubService.TENANCY, "/councils/" + slug + "/users/" + id, person.accessToken());
  }

  private static String roleText(Object roles) {
    if (!(roles instanceof List<?> list)) {
      return "";
    }
    return String.join(
        ", ",
        list.stream()
            .map(
                role ->
                    ROLES.stream()
                        .filter(c -> c.value().equals(role))
                        .map(Choice::text)
                        .findFirst()
                        .orElse(String.valueOf(role)))
            .toList());
  }

  /** A service's instant (ISO text, or seconds since 1970) as people read it, in UK time. */
  private static String when(Object instant) {
    if (instant == null) {
      return "";
    }
    try {
      return instant instanceof Number seconds
          ? WHEN.format(Instant.ofEpochMilli((long) (seconds.doubleValue() * 1000)))
          : WHEN.format(Instant.parse(String.valueOf(instant)));
    } catch (java.time.format.DateTimeParseException unexpected) {
      return String.valueOf(instant);
    }
  }

  /** OVERDUE_REPEAT as "Overdue repeat". */
  private static String words(Object constant) {
    String text = FormValues.text(constant).replace('_', ' ').toLowerCase();
    return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }
}
