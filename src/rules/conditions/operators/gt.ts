/** `gt`: greater than (numbers, or ISO-8601 instants: later than). */
import { orderOperator } from './order.js';

export const gt = orderOperator('gt', (d) => d > 0);
