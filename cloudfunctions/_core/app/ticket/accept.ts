// ticket.accept: the responsible staff take a submitted ticket, marking it normal or complex,
// which sets the resolution deadline (3 or 5 working days; 24 h for urgent categories).
import { z } from 'zod';
import { contractEnum } from '../../domain/contract-enum';
import { accept } from '../../domain/lifecycle';
import { id } from '../schemas';
import { defineUseCase } from '../use-case';
import { moveTicket } from './move';

export const acceptTicket = defineUseCase('ticket.accept', {
  who: 'staff',
  params: z.strictObject({ ticketId: id, complexity: contractEnum<Api.Complexity>()(['normal', 'complex']) }),
  run: (params, ctx) => moveTicket(params.ticketId, 'accept', ctx, (t, move) => accept(t, move, params.complexity)),
});
