package org.baton.attachment;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.regex.Pattern;

/**
 * Attachments as files under one directory: {@code <directory>/<key>}. A file is written to a temporary name
 * first and moved into place, so a reader never sees half a file.
 */
final class FileSystemAttachmentStore implements AttachmentStore {

    private static final Pattern KEY = Pattern.compile("[a-z0-9][a-z0-9-]*(/[a-z0-9][a-z0-9-]*)*");

    private final Path root;

    FileSystemAttachmentStore(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    @Override
    public void put(String key, InputStream content, long size) throws IOException {
        Path target = resolve(key);
        Files.createDirectories(target.getParent());
        Path partial = Files.createTempFile(target.getParent(), ".upload-", ".part");
        try {
            Files.copy(content, partial, StandardCopyOption.REPLACE_EXISTING);
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    @Override
    public InputStream open(String key) throws IOException {
        return Files.newInputStream(resolve(key));
    }

    @Override
    public void delete(String key) throws IOException {
        Files.deleteIfExists(resolve(key));
    }

    private Path resolve(String key) {
        if (!KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("not an attachment key: " + key);
        }
        Path path = root.resolve(key).normalize();
        if (!path.startsWith(root)) {
            throw new IllegalArgumentException("not an attachment key: " + key);
        }
        return path;
    }
}
