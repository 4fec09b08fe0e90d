package org.baton.ticket;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.baton.attachment.Attachments;
import org.baton.attachment.StoredAttachment;
import org.baton.identity.CurrentUser;
import org.baton.identity.Directory;
import org.baton.identity.Organization;
import org.baton.identity.UserId;
import org.baton.shared.FieldProblem;
import org.baton.shared.InvalidInput;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.view.RedirectView;

/**
 * Logging a contact in seconds: the new-ticket form for staff, with the requester found as the agent
 * types, a live priority preview from the matrix, and resolution on first contact in the same step.
 * The form carries a one-time key, so a double submit opens one ticket. Files (a screenshot the caller sent) are
 * attached to the new ticket's first entry, visible to the requester like the rest of it.
 */
@Controller
@RequestMapping("/tickets")
class NewTicketController {

    private static final String PAGE = "ticket/new-ticket";

    /** A choice in a select: the submitted value and what people read. */
    record Choice(String value, String label) {}

    private final TicketIntake intake;
    private final Requesters requesters;
    private final Directory directory;
    private final PriorityMatrix matrix;
    private final TicketAttachments files;
    private final Attachments attachments;

    NewTicketController(TicketIntake intake, Requesters requesters, Directory directory, PriorityMatrix matrix, TicketAttachments files,
            Attachments attachments) {
        this.files = files;
        this.attachments = attachments;
        this.intake = intake;
        this.requesters = requesters;
        this.directory = directory;
        this.matrix = matrix;
    }

    @GetMapping("/new")
    String form(CurrentUser user, @RequestParam(required = false) @Nullable String q, Model model) {
        TicketDesk.requireStaff(user);
        NewTicketForm blank = NewTicketForm.blank();
        NewTicketForm form = q == null ? blank : new NewTicketForm(blank.key(), blank.type(), blank.channel(), null, null, q, null,
                null, blank.impact(), blank.urgency(), null, null, null, null, null, null);
        return page(user, form, Map.of(), model);
    }

    /** The customers matching {@code q}: the results fragment for htmx, else the whole form with them. */
    @GetMapping("/new/requesters")
    String requesters(CurrentUser user, @RequestParam(defaultValue = "") String q,
            @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx, Model model) {
        TicketDesk.requireStaff(user);
        if (htmx == null) {
            return form(user, q, model);
        }
        model.addAttribute("q", q);
        model.addAttribute("results", requesters.search(user, q));
        return PAGE + " :: requester-results";
    }

    /** The priority that impact × urgency give: the preview fragment for htmx, else the whole form with it. */
    @GetMapping("/new/priority")
    String priority(CurrentUser user, @ModelAttribute("form") NewTicketForm form,
            @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx, Model model) {
        TicketDesk.requireStaff(user);
        if (htmx == null) {
            return page(user, form.withKey(), Map.of(), model);
        }
        model.addAttribute("priority", priorityOf(form));
        return PAGE + " :: priority-preview";
    }

    @PostMapping
    ModelAndView create(CurrentUser user, @ModelAttribute("form") NewTicketForm form,
            @RequestParam(required = false) @Nullable String lookup,
            @RequestParam(name = TicketAttachments.FORM_FIELD, required = false) @Nullable List<MultipartFile> uploads, Model model,
            RedirectAttributes redirect) {
        TicketDesk.requireStaff(user);
        if (lookup != null) {
            // the search button of the form without JavaScript: show the matches, keep the input, create nothing
            return new ModelAndView(page(user, form.withKey(), Map.of(), model), model.asMap());
        }
        String key = form.key();
        try {
            TicketIntake.OpenTicket command = command(user, form);
            if (key == null || key.isBlank() || key.length() > 200) {
                throw InvalidInput.of("key", "this form has expired; check the fields and submit again");
            }
            // the whole form is checked before any file is stored
            intake.validate(user, command);
            List<StoredAttachment> stored = files.upload(user, uploads, TicketAttachments.FORM_FIELD);
            String hash = TicketAttachments.requestHash(form.fingerprint(), stored);
            TicketIntake.Answer answer = intake.open(user, command.with(stored), "form:" + key, hash,
                    ticket -> new TicketIntake.Answer(HttpStatus.SEE_OTHER.value(), "/tickets/" + ticket.number().value(),
                            ticket.number().value(), false));
            redirect.addFlashAttribute("notice", answer.body() + (command.resolutionCode() != null
                    ? " logged and resolved on first contact." : " logged; you own it."));
            RedirectView view = new RedirectView(answer.location(), true);
            view.setStatusCode(HttpStatus.SEE_OTHER);
            view.setExposeModelAttributes(false);
            return new ModelAndView(view);
        } catch (InvalidInput invalid) {
            NewTicketForm kept = key == null || key.isBlank() || errorsOf(invalid).containsKey("Idempotency-Key")
                    ? new NewTicketForm(UUID.randomUUID().toString(), form.type(), form.channel(), form.requesterId(),
                            form.requesterPick(), form.q(), form.requesterName(), form.organizationId(), form.impact(),
                            form.urgency(), form.category(), form.subject(), form.description(), form.firstContact(),
                            form.resolutionCode(), form.resolutionNotes())
                    : form;
            ModelAndView view = new ModelAndView(page(user, kept, errorsOf(invalid), model), model.asMap());
            view.setStatus(HttpStatus.UNPROCESSABLE_CONTENT);
            return view;
        }
    }

    /** The form's command; when the form itself is wrong, its problems together with those the intake finds. */
    private TicketIntake.OpenTicket command(CurrentUser user, NewTicketForm form) {
        NewTicketForm.Parsed parsed = form.parse();
        if (parsed.problems().isEmpty()) {
            return parsed.command();
        }
        List<FieldProblem> problems = new ArrayList<>(parsed.problems());
        try {
            intake.validate(user, parsed.command());
        } catch (InvalidInput more) {
            more.problems().stream().filter(p -> problems.stream().noneMatch(q -> q.field().equals(p.field()))).forEach(problems::add);
        }
        throw new InvalidInput(problems);
    }

    private String page(CurrentUser user, NewTicketForm form, Map<String, String> errors, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("q", form.q() == null ? "" : form.q());
        model.addAttribute("results", form.q() == null || form.q().isBlank() ? List.of() : requesters.search(user, form.q()));
        model.addAttribute("chosen", chosen(user, form).orElse(null));
        model.addAttribute("organizations", directory.organizations().stream()
                .filter(o -> o.active() && user.canSee(o.id())).toList());
        model.addAttribute("types", NewTicketForm.TYPES.stream().map(t -> new Choice(t.name(), t.label())).toList());
        model.addAttribute("channels", NewTicketForm.CHANNELS.stream().map(c -> new Choice(c.name(), channelLabel(c))).toList());
        model.addAttribute("impacts", List.of(new Choice("HIGH", "High · a site or a whole service"),
                new Choice("MEDIUM", "Medium · a team"), new Choice("LOW", "Low · one person")));
        model.addAttribute("urgencies", List.of(new Choice("HIGH", "High · work has stopped"),
                new Choice("MEDIUM", "Medium · work is hampered"), new Choice("LOW", "Low · it can wait")));
        Map<String, List<Choice>> codes = new LinkedHashMap<>();
        for (TicketType type : NewTicketForm.TYPES) {
            codes.put(type.name(), Lifecycle.of(type).resolutionCodes().stream()
                    .map(c -> new Choice(c, NewTicketForm.codeLabel(c))).toList());
        }
        model.addAttribute("codes", codes);
        model.addAttribute("typeLabels", Map.of(TicketType.INCIDENT.name(), TicketType.INCIDENT.label(),
                TicketType.SERVICE_REQUEST.name(), TicketType.SERVICE_REQUEST.label()));
        model.addAttribute("priority", priorityOf(form));
        model.addAttribute("maxFileSize", Attachments.displaySize(attachments.maxSize()));
        return PAGE;
    }

    private Optional<Requesters.Option> chosen(CurrentUser user, NewTicketForm form) {
        String id = form.chosenRequester();
        if (id == null) {
            return Optional.empty();
        }
        try {
            return directory.customerContact(new UserId(UUID.fromString(id.strip())))
                    .filter(c -> c.active() && c.organizationActive() && user.canSee(c.organizationId()))
                    .map(c -> new Requesters.Option(c.id(), c.displayName(), c.organizationName(), c.email(), c.location()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private Priority priorityOf(NewTicketForm form) {
        Fields f = new Fields();
        Impact impact = f.enumValue("impact", form.impact(), Impact.class);
        Urgency urgency = f.enumValue("urgency", form.urgency(), Urgency.class);
        return matrix.of(impact == null ? Impact.MEDIUM : impact, urgency == null ? Urgency.MEDIUM : urgency);
    }

    static String channelLabel(Channel channel) {
        return switch (channel) {
            case PHONE -> "Phone";
            case WALK_IN -> "Walk-in";
            case EMAIL -> "Email";
            case PORTAL -> "Portal";
            case API -> "API";
            case MONITORING -> "Monitoring";
            case SCHEDULE -> "Schedule";
            case OTHER -> "Other";
        };
    }

    /** Field errors as the form shows them, beside their fields; the messages of the intake read as sentences there. */
    private static Map<String, String> errorsOf(InvalidInput invalid) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (FieldProblem problem : invalid.problems()) {
            String field = problem.field();
            String message = switch (field) {
                case "requesterId" -> "Choose a customer of an organization you serve.";
                case "organizationId" -> "Find the caller above, or choose the organization of a caller without an account.";
                case "requesterName" -> "Enter the caller's name, or find the caller above.";
                case "resolutionCode" -> problem.message().contains("cannot be resolved")
                        ? "A " + problem.message().substring(2) + "." : "Choose how it was resolved.";
                case "resolutionNotes" -> "Say what was done to resolve it.";
                case "Idempotency-Key" -> "This form was already sent with other content; check the fields and submit again.";
                default -> label(field) + " " + problem.message() + ".";
            };
            errors.merge(field, message, (a, b) -> a + " " + b);
        }
        if (errors.containsKey("organizationId") && errors.containsKey("requesterName")) {
            errors.remove("requesterName");
            errors.put("organizationId", "Find the caller above, or give the name and organization of a caller without an account.");
        }
        return errors;
    }

    private static String label(String field) {
        return switch (field) {
            case "key" -> "The form";
            default -> Character.toUpperCase(field.charAt(0)) + field.substring(1);
        };
    }
}
