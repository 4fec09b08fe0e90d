package org.baton.notification;

import java.time.Clock;
import java.util.List;
import org.baton.identity.CurrentUser;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.view.RedirectView;

/** A member of staff's notifications: the list (viewing it marks the shown ones read) and the counter in the navigation. */
@Controller
@RequestMapping("/notifications")
class NotificationController {

    static final int SHOWN = 100;

    private final Notifications notifications;
    private final Clock clock;

    NotificationController(Notifications notifications, Clock clock) {
        this.notifications = notifications;
        this.clock = clock;
    }

    @GetMapping
    String list(CurrentUser user, Model model) {
        requireStaff(user);
        List<Notification> shown = notifications.latest(user.id(), SHOWN);
        model.addAttribute("notifications", shown);
        model.addAttribute("unread", shown.stream().filter(Notification::unread).count());
        notifications.markRead(user.id(), shown.stream().filter(Notification::unread).map(Notification::id).toList(), clock.instant());
        return "notification/notifications";
    }

    /** The counter for the navigation, loaded by htmx; hidden when there is nothing unread. */
    @GetMapping("/badge")
    ResponseEntity<String> badge(CurrentUser user) {
        requireStaff(user);
        int unread = notifications.unread(user.id());
        String hidden = unread == 0 ? " d-none" : "";
        return ResponseEntity.ok().contentType(MediaType.TEXT_HTML)
                .body("<span id=\"notification-count\" class=\"badge rounded-pill text-bg-danger" + hidden + "\">" + unread + "</span>");
    }

    @PostMapping("/read-all")
    RedirectView markAllRead(CurrentUser user, RedirectAttributes redirect) {
        requireStaff(user);
        int marked = notifications.markAllRead(user.id(), clock.instant());
        redirect.addFlashAttribute("notice", marked == 0 ? "Nothing was unread." : marked == 1 ? "1 notification marked read."
                : marked + " notifications marked read.");
        RedirectView view = new RedirectView("/notifications", true);
        view.setStatusCode(HttpStatus.SEE_OTHER);
        view.setExposeModelAttributes(false);
        return view;
    }

    private static void requireStaff(CurrentUser user) {
        if (!user.isStaff()) {
            throw new AccessDeniedException("notifications are for staff");
        }
    }
}
