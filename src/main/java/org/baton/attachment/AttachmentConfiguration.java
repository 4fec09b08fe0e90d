package org.baton.attachment;

import jakarta.servlet.MultipartConfigElement;
import java.nio.file.Path;
import org.baton.api.ProblemWriter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.core.Ordered;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

/**
 * The default store (files under {@code baton.attachments.directory}) and the multipart limits that go with
 * {@code baton.attachments.max-size}. The container accepts a request of up to {@value #FILES_PER_REQUEST} files of
 * the largest size (and any part within that), so that a file over the limit reaches {@link Attachments} and is
 * refused there by name (422) with the rest of the form intact; a larger request is answered with 413 before anything
 * reads it ({@link UploadSizeFilter}).
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

    /** The largest multipart request accepted: {@value #FILES_PER_REQUEST} files of the largest size and 1 MB of fields. */
    static long maxRequestSize(DataSize maxSize) {
        return maxSize.toBytes() * FILES_PER_REQUEST + 1024 * 1024;
    }

    @Bean
    MultipartConfigElement multipartConfigElement(@Value("${baton.attachments.max-size:20MB}") DataSize maxSize) {
        long request = maxRequestSize(maxSize);
        return new MultipartConfigElement(null, request, request, 0);
    }

    @Bean
    FilterRegistrationBean<UploadSizeFilter> uploadSizeFilter(@Value("${baton.attachments.max-size:20MB}") DataSize maxSize,
            ProblemWriter problems) {
        FilterRegistrationBean<UploadSizeFilter> registration =
                new FilterRegistrationBean<>(new UploadSizeFilter(maxRequestSize(maxSize), maxSize.toBytes(), problems));
        // before Spring Security: its CSRF check would read the body's parameters first
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
        return registration;
    }
}
