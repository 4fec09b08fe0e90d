package org.baton.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.http.converter.HttpMessageConverters;
import org.springframework.http.converter.xml.Jaxb2RootElementHttpMessageConverter;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Baton answers in JSON (and pages in HTML), never in XML. JAXB is on the class path only for the public holiday
 * files (jollyday), and Spring MVC would register its XML converter for it: before every response it then looks
 * for {@code @XmlRootElement} on the class of the returned body, annotation scanning that took ~1 % of Baton's
 * Java samples under the API workload (JFR, bench/tickets.sh, 2026-12-04).
 */
@Configuration(proxyBeanMethods = false)
class MessageConverters implements WebMvcConfigurer {

    @Override
    public void configureMessageConverters(HttpMessageConverters.ServerBuilder converters) {
        converters.configureMessageConvertersList(list -> list.removeIf(c -> c instanceof Jaxb2RootElementHttpMessageConverter));
    }
}
