package org.baton.ticket;

import org.baton.identity.CurrentUser;
import org.baton.identity.UserId;
import org.jspecify.annotations.Nullable;

/** Who did something on a ticket: a user, or Baton itself (schedules, automatic changes). */
record Actor(@Nullable UserId id, String name) {

    static final Actor BATON = new Actor(null, "Baton");

    static Actor of(CurrentUser user) {
        return new Actor(user.id(), user.displayName());
    }
}
