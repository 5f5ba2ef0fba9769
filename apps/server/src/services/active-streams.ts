/**
 * Replies streaming on this instance: one per conversation, each with the controller that aborts
 * its upstream request. The claim is synchronous, so two racing sends cannot both start.
 */
export class ActiveStreams {
  private readonly byConversation = new Map<string, { messageId: string | undefined; controller: AbortController }>();
  private readonly byMessage = new Map<string, string>();

  /** Claims the conversation; returns undefined when a reply is already streaming there. */
  claim(conversationId: string): AbortController | undefined {
    if (this.byConversation.has(conversationId)) return undefined;
    const controller = new AbortController();
    this.byConversation.set(conversationId, { messageId: undefined, controller });
    return controller;
  }

  bindMessage(conversationId: string, messageId: string): void {
    const entry = this.byConversation.get(conversationId);
    if (!entry) return;
    entry.messageId = messageId;
    this.byMessage.set(messageId, conversationId);
  }

  release(conversationId: string): void {
    const entry = this.byConversation.get(conversationId);
    if (entry?.messageId) this.byMessage.delete(entry.messageId);
    this.byConversation.delete(conversationId);
  }

  /** Aborts a streaming reply; false when it is not streaming here. */
  stop(messageId: string): boolean {
    const conversationId = this.byMessage.get(messageId);
    const entry = conversationId ? this.byConversation.get(conversationId) : undefined;
    if (!entry) return false;
    entry.controller.abort('stopped');
    return true;
  }

  count(): number {
    return this.byConversation.size;
  }
}
