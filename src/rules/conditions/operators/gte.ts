/** `gte`: greater than or equal (numbers, or ISO-8601 instants: at or after). */
import { orderOperator } from './order.js';

export const gte = orderOperator('gte', (d) => d >= 0);
