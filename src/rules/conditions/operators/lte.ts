/** `lte`: less than or equal (numbers, or ISO-8601 instants: at or before). */
import { orderOperator } from './order.js';

export const lte = orderOperator('lte', (d) => d <= 0);
