package org.baton.ticket;

import static org.baton.ticket.TicketApiController.PROBLEM;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Encoding;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.baton.api.IfMatch;
import org.baton.api.ProblemDocument;
import org.baton.attachment.Attachments;
import org.baton.attachment.StoredAttachment;
import org.baton.identity.CurrentUser;
import org.baton.shared.InvalidInput;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Files on a ticket. An upload becomes a timeline entry of its own ({@code ATTACHMENT_ADDED}) with the visibility
 * given; a download is answered only when the caller may see the ticket and that entry, always as a file to save.
 */
@RestController
@RequestMapping("/api/v1/tickets/{number}/attachments")
@Tag(name = "Ticket attachments", description = "Files attached to a ticket.")
@ApiResponse(responseCode = "404", description = "No such ticket or file, or one you may not see (an internal file, for a customer).",
        content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDocument.class)))
class TicketAttachmentApiController {

    @Schema(name = "Attachment", description = "A file attached to a ticket.")
    record AttachmentResource(
            UUID id,
            @Schema(example = "error.png", description = "The sender's file name without any path.") String filename,
            @Schema(example = "image/png", description = "Sniffed from the bytes; the declared type is not trusted.") String contentType,
            @Schema(example = "14213", description = "Bytes.") long size,
            @Schema(description = "SHA-256 of the bytes, hex.") String sha256,
            @Schema(example = "PUBLIC", description = "PUBLIC (the customer sees it) or INTERNAL.") String visibility,
            Instant uploadedAt,
            @Schema(example = "/api/v1/tickets/INC-1042/attachments/0b0e…", description = "Where it downloads from.") String href) {

        static AttachmentResource of(TicketNumber ticket, StoredAttachment a, Visibility visibility) {
            return new AttachmentResource(a.id().value(), a.filename(), a.contentType(), a.size(), a.sha256(), visibility.name(),
                    a.uploadedAt(), "/api/v1/tickets/" + ticket.value() + "/attachments/" + a.id());
        }
    }

    private final TicketDesk desk;
    private final TicketViews views;
    private final TicketAttachments files;

    TicketAttachmentApiController(TicketDesk desk, TicketViews views, TicketAttachments files) {
        this.desk = desk;
        this.views = views;
        this.files = files;
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Attach a file",
            description = "Send the file as the multipart part 'file'. Its content type is sniffed from the bytes (the declared one is "
                    + "recorded but not trusted); files over the size limit are refused with 422 naming the file, far larger "
                    + "uploads with 413. The file becomes a timeline entry; customers attach PUBLIC files only.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(mediaType = MediaType.MULTIPART_FORM_DATA_VALUE,
            schema = @Schema(implementation = Upload.class), encoding = @Encoding(name = "file", contentType = "application/octet-stream")))
    @Parameter(name = IfMatch.HEADER, in = ParameterIn.HEADER, description = "Optional: the ETag of the ticket you read.")
    @ApiResponse(responseCode = "201", description = "Attached; the file's metadata.", headers = @Header(name = "Location"))
    @ApiResponse(responseCode = "403", description = "Customers cannot attach INTERNAL files.",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDocument.class)))
    @ApiResponse(responseCode = "409", description = "The ticket is closed or cancelled.",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDocument.class)))
    @ApiResponse(responseCode = "413", description = "The upload is far over the size limit.",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDocument.class)))
    @ApiResponse(responseCode = "422", description = "No file, an empty file, a file over the limit, or an unknown visibility.",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDocument.class)))
    ResponseEntity<AttachmentResource> upload(CurrentUser user, @PathVariable String number,
            @RequestParam(name = Attachments.FIELD, required = false) @Nullable MultipartFile file,
            @RequestParam(required = false) @Nullable String visibility,
            @Parameter(hidden = true) @RequestHeader(name = IfMatch.HEADER, required = false) @Nullable String ifMatch) {
        Ticket ticket = views.visible(user, number);
        Fields f = new Fields();
        Visibility v = f.enumValue("visibility", visibility, Visibility.class);
        f.check();
        Visibility chosen = v == null ? Visibility.PUBLIC : v;
        if (chosen == Visibility.INTERNAL && !user.isStaff()) {
            throw new org.springframework.security.access.AccessDeniedException("customers cannot attach internal files");
        }
        List<StoredAttachment> stored = file == null ? List.of() : files.upload(user, List.of(file), Attachments.FIELD);
        if (stored.isEmpty()) {
            throw InvalidInput.of(Attachments.FIELD, "is required: send the file as the multipart part 'file'");
        }
        StoredAttachment one = stored.getFirst();
        desk.attach(user, ticket.number(), TicketViews.optionalVersion(ifMatch), one, chosen);
        AttachmentResource body = AttachmentResource.of(ticket.number(), one, chosen);
        return ResponseEntity.created(URI.create(body.href())).body(body);
    }

    @GetMapping("/{id}")
    @Operation(summary = "Download a file",
            description = "Always served as a download (Content-Disposition: attachment, X-Content-Type-Options: nosniff); HTML, SVG, "
                    + "XML and scripts as application/octet-stream.")
    @ApiResponse(responseCode = "200", description = "The file's bytes.", content = @Content(mediaType = "application/octet-stream"))
    ResponseEntity<Resource> download(CurrentUser user, @PathVariable String number, @PathVariable String id) {
        return files.download(user, views.visible(user, number), id);
    }

    /** The multipart body of an upload, for the API description. */
    @Schema(name = "AttachmentUpload")
    record Upload(@Schema(type = "string", format = "binary", requiredMode = Schema.RequiredMode.REQUIRED) String file,
            @Schema(allowableValues = {"PUBLIC", "INTERNAL"}, defaultValue = "PUBLIC") @Nullable String visibility) {}
}
