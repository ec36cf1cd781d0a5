-- The channel a PQRSD came in by (DOMAIN.md section 1; issue 11 item 2): the citizens' web form,
-- a chat or a mailbox message filed by staff, or a verbal petition (Decreto 1166 de 2016) typed
-- by the official who heard it. Values and labels in api/pqrs/channels.ts (PQRS_CHANNELS).
ALTER TABLE pqrs ADD COLUMN channel TEXT NOT NULL DEFAULT 'web'
  CHECK (channel IN ('web', 'chat', 'buzon', 'presencial', 'telefonica', 'otro_verbal'));

UPDATE pqrs SET channel = 'chat'
  WHERE radicado IN (SELECT radicado FROM chat_conversations WHERE radicado IS NOT NULL);
UPDATE pqrs SET channel = 'buzon'
  WHERE radicado IN (SELECT radicado FROM mailbox_messages WHERE radicado IS NOT NULL);

CREATE INDEX pqrs_channel_received ON pqrs (channel, received_at);
