package org.baton.web;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;

/**
 * Turns off the rewriting of every link a page writes through the static resource chain.
 *
 * <p>With WebJars on the classpath Spring Boot enables the resource chain (it resolves version-less
 * {@code /webjars/htmx.org/dist/htmx.min.js}) and, with it, a {@link ResourceUrlEncodingFilter} that passes every
 * {@code @{...}} URL of every Thymeleaf page through the resource resolvers. That is only useful with versioned
 * resource URLs, which Baton does not use, and it is expensive: a link such as {@code /tickets/INC-1042} is not a
 * static file, so each one is looked up (and missed, uncached) in every static location inside the jar. On the
 * unassigned queue (50 rows, ~300 links) that was two thirds of the page's CPU time (JFR, bench/console.sh).
 * WebJars are still served and resolved by the resource handler; only the link rewriting is off.
 */
@Configuration(proxyBeanMethods = false)
class ResourceLinks {

    @Bean
    FilterRegistrationBean<ResourceUrlEncodingFilter> resourceUrlEncodingFilter() {
        FilterRegistrationBean<ResourceUrlEncodingFilter> registration = new FilterRegistrationBean<>(new ResourceUrlEncodingFilter());
        registration.setEnabled(false);
        return registration;
    }
}
