package org.baton.attachment;

import jakarta.servlet.MultipartConfigElement;
import java.nio.file.Path;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

/**
 * The default store (files under {@code baton.attachments.directory}) and the multipart limits that go with
 * {@code baton.attachments.max-size}: a file part may be somewhat larger than the limit, so that one just over it
 * reaches {@link Attachments} and is refused there by name (422); far larger parts and requests are cut off by the
 * servlet container and answered with 413.
 */
@Configuration(proxyBeanMethods = false)
class AttachmentConfiguration {

    /** How many files of the largest size one request may carry before the container cuts it off. */
    static final int FILES_PER_REQUEST = 5;

    @Bean
    @ConditionalOnMissingBean(AttachmentStore.class)
    AttachmentStore fileSystemAttachmentStore(@Value("${baton.attachments.directory:./data/attachments}") Path directory) {
        return new FileSystemAttachmentStore(directory);
    }

    @Bean
    MultipartConfigElement multipartConfigElement(@Value("${baton.attachments.max-size:20MB}") DataSize maxSize) {
        long part = maxSize.toBytes() + Math.max(maxSize.toBytes() / 4, 1024 * 1024);
        return new MultipartConfigElement(null, part, part * FILES_PER_REQUEST, 0);
    }
}
