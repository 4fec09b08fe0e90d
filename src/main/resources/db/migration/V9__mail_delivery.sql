-- Outbound mail: a message the mail server refuses for good (an address it rejects as invalid) is given up after a
-- few attempts and stays in the outbox as dead, visible on /admin/outbox until an administrator retries it.
alter table outbox add column dead_at timestamp with time zone;
