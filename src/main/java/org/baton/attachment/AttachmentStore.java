package org.baton.attachment;

import java.io.IOException;
import java.io.InputStream;

/**
 * Where the bytes of attachments live, by an opaque key that Baton chooses (letters, digits, dashes and
 * slashes; never a name a sender chose). The file system is the default; an S3-compatible object store can
 * implement this interface and be declared as a bean instead.
 */
public interface AttachmentStore {

    /** Stores {@code size} bytes read from {@code content} under {@code key}; a key is written once. */
    void put(String key, InputStream content, long size) throws IOException;

    /** The bytes stored under {@code key}; the caller closes the stream. */
    InputStream open(String key) throws IOException;

    /** Removes what is stored under {@code key}; nothing happens when there is nothing. */
    void delete(String key) throws IOException;
}
