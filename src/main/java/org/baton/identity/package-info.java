/**
 * Who is who at the desk: organizations (the client companies served), users and their roles,
 * support groups, personal API tokens, sign-in, and the visibility rules that decide which
 * organizations' data a user may see, and self-registration in the portal for organizations that allow it. Other modules read it through {@link org.baton.identity.Directory}
 * and receive the signed-in {@link org.baton.identity.CurrentUser} as a controller argument.
 */
@ApplicationModule(displayName = "Identity and tenancy", allowedDependencies = {"shared", "api", "outbox"})
@NullMarked
package org.baton.identity;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
