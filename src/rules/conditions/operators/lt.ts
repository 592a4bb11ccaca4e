/** `lt`: less than (numbers, or ISO-8601 instants: earlier than). */
import { orderOperator } from './order.js';

export const lt = orderOperator('lt', (d) => d < 0);
