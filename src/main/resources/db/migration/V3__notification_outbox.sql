-- The notification outbox: messages to citizens (e-mail, SMS), inserted in the transaction of the
-- case step that causes them and sent afterwards by the dispatcher, with retries.
-- recipient, subject and body hold personal data: never copy them into logs or last_error.
-- Portable SQL: runs on PostgreSQL and on H2 in its default mode. (V2 is reserved for another migration.)

CREATE TABLE dv_notification (
    id              VARCHAR(36)              NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    channel         VARCHAR(8)               NOT NULL,
    recipient       VARCHAR(320)             NOT NULL,
    kind            VARCHAR(32)              NOT NULL,
    subject         VARCHAR(500),
    body            VARCHAR(10000)           NOT NULL,
    case_ref        VARCHAR(255),
    unit            VARCHAR(64),
    state           VARCHAR(16)              NOT NULL,
    attempts        INTEGER                  NOT NULL,
    next_attempt_at TIMESTAMP WITH TIME ZONE NOT NULL,
    last_error      VARCHAR(500),
    sent_at         TIMESTAMP WITH TIME ZONE,
    CONSTRAINT dv_notification_pk PRIMARY KEY (id),
    CONSTRAINT dv_notification_channel_ck CHECK (channel IN ('EMAIL', 'SMS')),
    CONSTRAINT dv_notification_state_ck CHECK (state IN ('PENDING', 'SENT', 'FAILED'))
);

-- The dispatcher's query: due PENDING messages, oldest first.
CREATE INDEX dv_notification_due_idx ON dv_notification (state, next_attempt_at);
CREATE INDEX dv_notification_case_idx ON dv_notification (case_ref);
