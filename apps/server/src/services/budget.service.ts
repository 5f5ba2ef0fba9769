import { AppError } from '../errors/app-error';
import type { BudgetRepository, BudgetScope } from '../repositories/budget.repository';
import type { OrgPolicy } from './policy.service';

interface Hold {
  scope: BudgetScope;
  ownerId: string;
  period: string;
  amount: number;
}

/** What a call holds against its budgets until it settles. Empty when no budget applies. */
export interface Reservation {
  holds: Hold[];
}

export const noReservation: Reservation = Object.freeze({ holds: [] });

/**
 * Monthly token budgets (spec §7), per member and per org. A call reserves its maximum (estimated
 * input + maximum output) before it starts and settles with the real usage after, so concurrent
 * calls can overshoot by at most the reservations in flight — in practice, not at all.
 */
export class BudgetService {
  constructor(
    private readonly budgets: BudgetRepository,
    private readonly now: () => number = Date.now,
  ) {}

  period(): string {
    return new Date(this.now()).toISOString().slice(0, 7);
  }

  async reserve(input: {
    userId: string;
    orgId: string | null;
    policy: OrgPolicy;
    amount: number;
  }): Promise<Reservation> {
    const { orgId, policy } = input;
    if (!orgId || (policy.memberMonthlyTokenBudget === null && policy.monthlyTokenBudget === null))
      return noReservation;
    const period = this.period();
    const amount = Math.max(1, Math.ceil(input.amount));
    const wanted: (Hold & { limit: number; who: string })[] = [];
    if (policy.memberMonthlyTokenBudget !== null) {
      wanted.push({
        scope: 'user',
        ownerId: `${orgId}:${input.userId}`,
        period,
        amount,
        limit: policy.memberMonthlyTokenBudget,
        who: 'your',
      });
    }
    if (policy.monthlyTokenBudget !== null) {
      wanted.push({
        scope: 'org',
        ownerId: orgId,
        period,
        amount,
        limit: policy.monthlyTokenBudget,
        who: "your organisation's",
      });
    }
    const held: Hold[] = [];
    for (const hold of wanted) {
      if (!(await this.budgets.tryReserve(hold.scope, hold.ownerId, hold.period, hold.amount, hold.limit))) {
        await this.release({ holds: held });
        throw new AppError(
          'budget_exceeded',
          `${hold.who} monthly token budget of ${hold.limit} tokens for ${period} is used up`,
          {
            details: { budget: hold.limit, period, scope: hold.scope === 'user' ? 'member' : 'org' },
          },
        );
      }
      held.push({ scope: hold.scope, ownerId: hold.ownerId, period: hold.period, amount: hold.amount });
    }
    return { holds: held };
  }

  async settle(reservation: Reservation, usedTokens: number): Promise<void> {
    for (const hold of reservation.holds) {
      await this.budgets.settle(
        hold.scope,
        hold.ownerId,
        hold.period,
        hold.amount,
        Math.max(0, Math.round(usedTokens)),
      );
    }
  }

  async release(reservation: Reservation): Promise<void> {
    await this.settle(reservation, 0);
  }
}
