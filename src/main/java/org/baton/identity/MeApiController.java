package org.baton.identity;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Who the caller is: the first thing a script asks to check its token. */
@RestController
@Tag(name = "Me", description = "The signed-in caller.")
class MeApiController {

    @GetMapping("/api/v1/me")
    @Operation(summary = "Show who you are signed in as")
    @ApiResponse(responseCode = "200", description = "The caller, with their role, organization and support groups.")
    MeResource me(CurrentUser user) {
        return MeResource.of(user);
    }
}
