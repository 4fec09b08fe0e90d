/**
 * The few truly generic types every module may use: the facts a refused command states (invalid
 * input with field problems, a missing resource, a stale version, a refused state change), the
 * application clock, and durations in the words every page uses. Nothing domain-specific lives here.
 */
@ApplicationModule(displayName = "Shared kernel", type = ApplicationModule.Type.OPEN)
@NullMarked
package org.baton.shared;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
