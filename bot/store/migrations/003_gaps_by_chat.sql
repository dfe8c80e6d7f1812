-- /gaps lists one chat's questions: find them without reading every chat's.
CREATE INDEX questions_chat ON questions (platform, chat, asked_at);
