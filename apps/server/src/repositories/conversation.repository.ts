import type { Kysely, Selectable, Updateable } from 'kysely';
import type { ConversationsTable, Database, MessagesTable } from '../db/schema';

export type ConversationRow = Selectable<ConversationsTable>;
export type MessageRow = Selectable<MessagesTable>;

/** Conversations and their messages. Every read and write names the owning user. */
export class ConversationRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async insert(row: ConversationRow): Promise<void> {
    await this.db.insertInto('conversations').values(row).execute();
  }

  find(userId: string, conversationId: string): Promise<ConversationRow | undefined> {
    return this.db
      .selectFrom('conversations')
      .selectAll()
      .where('id', '=', conversationId)
      .where('user_id', '=', userId)
      .executeTakeFirst();
  }

  list(userId: string, limit: number): Promise<ConversationRow[]> {
    return this.db
      .selectFrom('conversations')
      .selectAll()
      .where('user_id', '=', userId)
      .orderBy('updated_at', 'desc')
      .orderBy('id')
      .limit(limit)
      .execute();
  }

  async update(userId: string, conversationId: string, changes: Updateable<ConversationsTable>): Promise<boolean> {
    const result = await this.db
      .updateTable('conversations')
      .set(changes)
      .where('id', '=', conversationId)
      .where('user_id', '=', userId)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  /** Sets the title only if none is set yet, so a late automatic title never overwrites a rename. */
  async setTitleIfEmpty(userId: string, conversationId: string, title: string): Promise<boolean> {
    const result = await this.db
      .updateTable('conversations')
      .set({ title })
      .where('id', '=', conversationId)
      .where('user_id', '=', userId)
      .where('title', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  async delete(userId: string, conversationId: string): Promise<boolean> {
    const result = await this.db
      .deleteFrom('conversations')
      .where('id', '=', conversationId)
      .where('user_id', '=', userId)
      .executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }

  messages(userId: string, conversationId: string): Promise<MessageRow[]> {
    return this.db
      .selectFrom('messages')
      .selectAll()
      .where('conversation_id', '=', conversationId)
      .where('user_id', '=', userId)
      .orderBy('seq')
      .execute();
  }

  findMessage(userId: string, messageId: string): Promise<MessageRow | undefined> {
    return this.db
      .selectFrom('messages')
      .selectAll()
      .where('id', '=', messageId)
      .where('user_id', '=', userId)
      .executeTakeFirst();
  }

  /** Appends messages with the next sequence numbers (conversation turns are strictly ordered). */
  async appendMessages(conversationId: string, rows: Omit<MessageRow, 'seq'>[]): Promise<MessageRow[]> {
    return this.db.transaction().execute(async (trx) => {
      const last = await trx
        .selectFrom('messages')
        .select((eb) => eb.fn.max('seq').as('seq'))
        .where('conversation_id', '=', conversationId)
        .executeTakeFirst();
      let seq = Number(last?.seq ?? 0);
      const inserted = rows.map((row) => ({ ...row, seq: ++seq }));
      await trx.insertInto('messages').values(inserted).execute();
      return inserted;
    });
  }

  async updateMessage(userId: string, messageId: string, changes: Updateable<MessagesTable>): Promise<void> {
    await this.db
      .updateTable('messages')
      .set(changes)
      .where('id', '=', messageId)
      .where('user_id', '=', userId)
      .execute();
  }

  /** A reply of this conversation still streaming (started after `since`), if any. */
  findStreaming(userId: string, conversationId: string, since: number): Promise<MessageRow | undefined> {
    return this.db
      .selectFrom('messages')
      .selectAll()
      .where('conversation_id', '=', conversationId)
      .where('user_id', '=', userId)
      .where('status', '=', 'streaming')
      .where('created_at', '>', since)
      .executeTakeFirst();
  }
}
