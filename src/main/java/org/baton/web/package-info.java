/**
 * The browser shell: page layout and navigation, the home page, error pages (HTML for people,
 * problem documents for API clients), request ids in logs, and htmx support. Modules render their
 * own pages into this layout; nothing domain-specific lives here.
 */
@ApplicationModule(displayName = "Web shell", allowedDependencies = {"identity", "api", "shared"})
@NullMarked
package org.baton.web;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
