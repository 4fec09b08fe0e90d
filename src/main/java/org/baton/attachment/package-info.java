/**
 * Files people attach to tickets and messages: stored once under an opaque key behind
 * {@link org.baton.attachment.AttachmentStore} (the file system by default, an S3-compatible store can
 * implement it later), with a size limit, a content type sniffed from the bytes rather than trusted from
 * the sender, a display name cleaned of paths and control characters, and downloads that are never
 * rendered inline. Who may download a file is decided by the module that attached it (the ticket).
 */
@ApplicationModule(displayName = "Attachments", allowedDependencies = {"shared", "identity", "api"})
@NullMarked
package org.baton.attachment;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
