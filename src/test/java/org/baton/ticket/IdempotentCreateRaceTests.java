package org.baton.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.baton.IntegrationTest;
import org.baton.identity.Fixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** A client that retries while its first request is still running must still get exactly one ticket. */
@IntegrationTest
class IdempotentCreateRaceTests {

    @Autowired MockMvcTester mvc;
    @Autowired Fixtures fixtures;
    @Autowired JdbcClient jdbc;

    @Test
    void concurrentRetriesWithOneKeyCreateOneTicketAndAllGetItsNumber() throws Exception {
        Desk desk = new Desk(mvc, fixtures);
        String key = UUID.randomUUID().toString();
        String body = "{\"type\": \"INCIDENT\", \"subject\": \"Badge reader at the gate is dead\", \"requesterId\": \"" + desk.dan.id() + "\"}";
        int clients = 6;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<MvcTestResult>> answers = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                Callable<MvcTestResult> call = () -> {
                    start.await();
                    return mvc.post().uri("/api/v1/tickets").header("Authorization", "Bearer " + desk.aliceToken)
                            .header("Idempotency-Key", key).contentType("application/json").content(body).exchange();
                };
                answers.add(pool.submit(call));
            }
            start.countDown();
            List<String> numbers = new ArrayList<>();
            for (Future<MvcTestResult> answer : answers) {
                MvcTestResult result = answer.get();
                assertThat(result.getResponse().getStatus()).as(Desk.body(result)).isEqualTo(201);
                numbers.add(Desk.read(result, "$.number"));
            }
            assertThat(numbers).containsOnly(numbers.getFirst());
            long tickets = jdbc.sql("select count(*) from tickets where requester_id = :dan").param("dan", desk.dan.id().value())
                    .query(Long.class).single();
            assertThat(tickets).isOne();
        } finally {
            pool.shutdownNow();
        }
    }
}
