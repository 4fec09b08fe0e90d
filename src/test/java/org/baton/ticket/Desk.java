package org.baton.ticket;

import static org.springframework.http.HttpHeaders.AUTHORIZATION;

import com.jayway.jsonpath.JsonPath;
import org.baton.Browser;
import org.baton.identity.Fixtures;
import org.baton.identity.Organization;
import org.baton.identity.Role;
import org.baton.identity.SupportGroup;
import org.baton.identity.User;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * A small desk for one test: an organization with two customers, a service desk group serving it
 * with two agents, a team lead and a field-services group with a technician, plus a coordinator and
 * an outsider organization; each person with an API token. Tests speak to the API as these people.
 */
final class Desk {

    final MockMvcTester mvc;
    final Organization org;
    final Organization otherOrg;
    final SupportGroup serviceDesk;
    final SupportGroup field;
    final SupportGroup otherGroup;
    final User carol;
    final User dan;
    final User stranger;
    final User alice;
    final User bob;
    final User lead;
    final User tech;
    final User coordinator;
    final User outsideAgent;
    final String carolToken;
    final String danToken;
    final String strangerToken;
    final String aliceToken;
    final String bobToken;
    final String leadToken;
    final String coordinatorToken;
    final String outsideToken;

    Desk(MockMvcTester mvc, Fixtures fixtures) {
        this.mvc = mvc;
        org = fixtures.organization();
        otherOrg = fixtures.organization();
        serviceDesk = fixtures.groupServing(org);
        field = fixtures.groupServing(org);
        otherGroup = fixtures.groupServing(otherOrg);
        carol = fixtures.customerOf(org);
        dan = fixtures.customerOf(org);
        stranger = fixtures.customerOf(otherOrg);
        alice = fixtures.agentIn(serviceDesk);
        bob = fixtures.agentIn(serviceDesk);
        lead = fixtures.staff(Role.TEAM_LEAD, serviceDesk);
        tech = fixtures.agentIn(field);
        coordinator = fixtures.staff(Role.COORDINATOR);
        outsideAgent = fixtures.agentIn(otherGroup);
        carolToken = fixtures.tokenFor(carol);
        danToken = fixtures.tokenFor(dan);
        strangerToken = fixtures.tokenFor(stranger);
        aliceToken = fixtures.tokenFor(alice);
        bobToken = fixtures.tokenFor(bob);
        leadToken = fixtures.tokenFor(lead);
        coordinatorToken = fixtures.tokenFor(coordinator);
        outsideToken = fixtures.tokenFor(outsideAgent);
    }

    /** A phone incident that Alice logs for Carol; its number. */
    /** A browser signed in as {@code user} (every desk user has {@link Fixtures#PASSWORD}). */
    Browser as(User user) {
        return Browser.signedIn(mvc, user.username(), Fixtures.PASSWORD);
    }

    String phoneIncident() {
        return number(open(aliceToken, """
                {"type": "INCIDENT", "subject": "VPN drops every few minutes", "requesterId": "%s", "channel": "PHONE",
                 "category": "Network", "impact": "MEDIUM", "urgency": "HIGH"}""".formatted(carol.id())));
    }

    /** An incident Carol reports on the portal; its number. */
    String portalIncident() {
        return number(open(carolToken, """
                {"type": "INCIDENT", "subject": "Printer on 3rd floor offline", "description": "Paper jam light blinks."}"""));
    }

    MvcTestResult open(String token, String json) {
        return mvc.post().uri("/api/v1/tickets").header(AUTHORIZATION, "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON).content(json).exchange();
    }

    MvcTestResult get(String token, String number) {
        return mvc.get().uri("/api/v1/tickets/" + number).header(AUTHORIZATION, "Bearer " + token).exchange();
    }

    MvcTestResult fetch(String token, String uri, Object... vars) {
        return mvc.get().uri(uri, vars).header(AUTHORIZATION, "Bearer " + token).exchange();
    }

    MvcTestResult post(String token, String number, String what, String json) {
        return post(token, number, what, json, null);
    }

    MvcTestResult post(String token, String number, String what, String json, @Nullable String ifMatch) {
        var request = mvc.post().uri("/api/v1/tickets/" + number + "/" + what).header(AUTHORIZATION, "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON).content(json);
        if (ifMatch != null) {
            request = request.header("If-Match", ifMatch);
        }
        return request.exchange();
    }

    MvcTestResult move(String token, String number, String json) {
        return post(token, number, "transitions", json);
    }

    MvcTestResult timeline(String token, String number) {
        return fetch(token, "/api/v1/tickets/" + number + "/timeline?limit=200");
    }

    static String number(MvcTestResult created) {
        if (created.getResponse().getStatus() != 201) {
            throw new AssertionError("expected 201, got " + created.getResponse().getStatus() + ": " + body(created));
        }
        return JsonPath.read(body(created), "$.number");
    }

    static String body(MvcTestResult result) {
        try {
            return result.getResponse().getContentAsString();
        } catch (java.io.UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    static <T> T read(MvcTestResult result, String path) {
        return JsonPath.read(body(result), path);
    }
}
