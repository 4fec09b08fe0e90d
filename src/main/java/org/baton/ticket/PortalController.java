package org.baton.ticket;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.baton.attachment.Attachments;
import org.baton.attachment.StoredAttachment;
import org.baton.identity.CurrentUser;
import org.baton.identity.Directory;
import org.baton.shared.FieldProblem;
import org.baton.shared.InvalidInput;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.view.RedirectView;

/**
 * The customer portal: "my tickets" (and the organization's, where the organization shares tickets), reporting a
 * problem in plain words, and asking for something from a short list of request types, each with files. A ticket
 * opens in the customer view of the ticket page. Staff use the console instead.
 */
@Controller
@RequestMapping("/portal")
class PortalController {

    private static final int PAGE = 50;

    /** A row of "my tickets": what is happening, who has it, when the customer hears next. */
    record Row(String number, String subject, String type, String status, String statusCss, @Nullable String owner,
            @Nullable String workingGroup, @Nullable Instant eta, @Nullable Instant nextUpdateDueAt, boolean nextUpdateOverdue,
            String requester, Instant updatedAt) {}

    private final Tickets tickets;
    private final TicketIntake intake;
    private final TicketAttachments files;
    private final Attachments attachments;
    private final Directory directory;
    private final Clock clock;
    private final List<String> requestTypes;

    PortalController(Tickets tickets, TicketIntake intake, TicketAttachments files, Attachments attachments, Directory directory,
            Clock clock, @Value("${baton.portal.request-types}") List<String> requestTypes) {
        this.tickets = tickets;
        this.intake = intake;
        this.files = files;
        this.attachments = attachments;
        this.directory = directory;
        this.clock = clock;
        this.requestTypes = requestTypes.stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    @GetMapping
    String myTickets(CurrentUser user, @RequestParam(defaultValue = "mine") String tab,
            @RequestParam(required = false) @Nullable String after, Model model) {
        if (user.isStaff()) {
            return "redirect:/queues";
        }
        boolean organization = "organization".equals(tab) && user.seesOrganizationWide();
        TicketFilter filter = new TicketFilter(Set.of(), Set.of(), Set.of(), null, null, null, null, organization ? null : user.id(),
                null, false);
        Instant now = clock.instant();
        List<Ticket> page = tickets.page(user, filter, after, PAGE + 1, now);
        boolean more = page.size() > PAGE;
        if (more) {
            page = page.subList(0, PAGE);
        }
        model.addAttribute("tab", organization ? "organization" : "mine");
        model.addAttribute("sharesTickets", user.seesOrganizationWide());
        model.addAttribute("rows", page.stream().map(t -> row(t, now)).toList());
        model.addAttribute("after", after);
        model.addAttribute("next", more ? Tickets.cursorKey(page.getLast()) : null);
        model.addAttribute("organizationName", directory.customerContact(user.id()).map(c -> c.organizationName()).orElse(""));
        return "ticket/portal";
    }

    @GetMapping("/report")
    String reportForm(CurrentUser user, Model model) {
        if (user.isStaff()) {
            return "redirect:/tickets/new";
        }
        return form("report", PortalForm.blank(), Map.of(), model);
    }

    @GetMapping("/request")
    String requestForm(CurrentUser user, Model model) {
        if (user.isStaff()) {
            return "redirect:/tickets/new";
        }
        return form("request", PortalForm.blank(), Map.of(), model);
    }

    @PostMapping("/report")
    ModelAndView report(CurrentUser user, @ModelAttribute("form") PortalForm form,
            @RequestParam(name = TicketAttachments.FORM_FIELD, required = false) @Nullable List<MultipartFile> uploads, Model model,
            RedirectAttributes redirect) {
        List<FieldProblem> problems = new ArrayList<>();
        return open(user, "report", form, form.incident(problems), problems, uploads, model, redirect);
    }

    @PostMapping("/request")
    ModelAndView request(CurrentUser user, @ModelAttribute("form") PortalForm form,
            @RequestParam(name = TicketAttachments.FORM_FIELD, required = false) @Nullable List<MultipartFile> uploads, Model model,
            RedirectAttributes redirect) {
        List<FieldProblem> problems = new ArrayList<>();
        return open(user, "request", form, form.request(requestTypes, problems), problems, uploads, model, redirect);
    }

    /**
     * Checks the form (its own problems together with the intake's) before any file is stored, then stores the files
     * and opens the ticket once per form key.
     */
    private ModelAndView open(CurrentUser user, String kind, PortalForm form, TicketIntake.OpenTicket command,
            List<FieldProblem> problems, @Nullable List<MultipartFile> uploads, Model model, RedirectAttributes redirect) {
        if (!user.isCustomer()) {
            throw new org.springframework.security.access.AccessDeniedException("the portal is for customers");
        }
        String key = form.key();
        try {
            if (key == null || key.isBlank() || key.length() > 200) {
                problems.add(new FieldProblem("key", "this form has expired; check the fields and send it again"));
            }
            try {
                intake.validate(user, command);
            } catch (InvalidInput more) {
                problems = PortalForm.merge(problems, more.problems());
            }
            if (!problems.isEmpty()) {
                throw new InvalidInput(problems);
            }
            List<StoredAttachment> stored = files.upload(user, uploads, TicketAttachments.FORM_FIELD);
            String hash = TicketAttachments.requestHash(form.fingerprint(kind), stored);
            TicketIntake.Answer answer = intake.open(user, command.with(stored), "portal:" + key, hash,
                    ticket -> new TicketIntake.Answer(HttpStatus.SEE_OTHER.value(), "/tickets/" + ticket.number().value(),
                            ticket.number().value(), false));
            redirect.addFlashAttribute("ticketNotice", "Thank you: " + answer.body() + " is logged. You will hear from us here and by email.");
            RedirectView view = new RedirectView(answer.location(), true);
            view.setStatusCode(HttpStatus.SEE_OTHER);
            view.setExposeModelAttributes(false);
            return new ModelAndView(view);
        } catch (InvalidInput invalid) {
            Map<String, String> errors = errorsOf(invalid);
            PortalForm kept = key == null || key.isBlank() || errors.containsKey("Idempotency-Key") ? form.withNewKey() : form;
            ModelAndView view = new ModelAndView(form(kind, kept, errors, model), model.asMap());
            view.setStatus(HttpStatus.UNPROCESSABLE_CONTENT);
            return view;
        }
    }

    private String form(String kind, PortalForm form, Map<String, String> errors, Model model) {
        model.addAttribute("kind", kind);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("since", PortalForm.SINCE);
        model.addAttribute("affected", PortalForm.AFFECTED);
        model.addAttribute("blocked", PortalForm.BLOCKED);
        model.addAttribute("requestTypes", requestTypes);
        model.addAttribute("maxFileSize", Attachments.displaySize(attachments.maxSize()));
        return "ticket/portal-form";
    }

    private static Row row(Ticket t, Instant now) {
        String css = switch (t.status()) {
            case NEW -> "status-new";
            case PENDING -> "status-pending";
            case RESOLVED -> "status-resolved";
            case CLOSED, CANCELLED -> "status-closed";
            default -> "status-active";
        };
        String status = t.status() == TicketStatus.PENDING && t.pendingReason() == PendingReason.CUSTOMER ? "Waiting for you"
                : t.status().label();
        return new Row(t.number().value(), t.subject(), t.type().label(), status, css, t.ownerName(),
                t.workingGroupName(), t.isOpen() ? t.handoffEta() : null, t.isOpen() ? t.nextUpdateDueAt() : null,
                t.nextUpdateOverdue(now), t.requesterName(), t.updatedAt());
    }

    /** Field errors as the form shows them, as sentences beside their fields. */
    private static Map<String, String> errorsOf(InvalidInput invalid) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (FieldProblem problem : invalid.problems()) {
            String message = switch (problem.field()) {
                case "subject" -> problem.message().contains("blank") ? "Say in a few words what this is about."
                        : "Keep it to 300 characters; put the rest in the description.";
                case "description" -> "Keep the description to 20000 characters.";
                case "Idempotency-Key" -> "This form was already sent with other content; check the fields and send it again.";
                default -> problem.message().substring(0, 1).toUpperCase() + problem.message().substring(1) + ".";
            };
            errors.merge(problem.field(), message, (a, b) -> a + " " + b);
        }
        return errors;
    }
}
