/**
 * Questions across forces about the resolved entities: who a child is across their records,
 * and which places, people, phones and vehicles recur around missing children. Withdrawn
 * episodes never count.
 */
package uk.police.missing.graph.intelligence;
