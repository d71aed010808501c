-- Draft.sentAt was never written: whether a draft went out is the outbox row of its email (issue 8).
ALTER TABLE "Draft" DROP COLUMN "sentAt";
