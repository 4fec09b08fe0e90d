/**
 * The REST API shell: RFC 9457 problem details for every client mistake, cursor pagination, the
 * catalogue of problem types (each served as a page at {@code /problems/{slug}}), and the OpenAPI
 * description. Modules put their own API controllers in their own package and use these types.
 */
@ApplicationModule(displayName = "REST API shell", allowedDependencies = "shared")
@NullMarked
package org.baton.api;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
