// Participants' export files, as the app writes them, for workshop tests and the benchmark.
import { randomUUID } from 'node:crypto';

export const PURPOSES = ['attractiveness', 'environment', 'resilience', 'resources', 'cohesion', 'wellbeing'];
export const AREAS = ['governance', 'education', 'innovation', 'health', 'culture', 'living-together',
  'economy', 'living-environment', 'safety', 'infrastructure', 'mobility', 'biodiversity'];

/**
 * One participant's quick assessment: `levels[i]` for area i (0–4, 'na', 'unknown' or undefined
 * for unanswered), `priorities[j]` for purpose j ('low', 'medium', 'high' or undefined).
 */
export function participantFile(name, levels, priorities = []) {
  const areas = {};
  AREAS.forEach((id, i) => {
    areas[id] = levels[i] === undefined ? { in_scope: true } : { in_scope: true, level: levels[i] };
  });
  const purposes = {};
  PURPOSES.forEach((id, j) => {
    if (priorities[j]) purposes[id] = { priority: priorities[j] };
  });
  return JSON.stringify({
    format: 'autodiag-37101',
    version: 1,
    id: randomUUID(),
    revision: 1,
    created: '2026-11-29T09:00:00Z',
    updated: '2026-11-29T09:10:00Z',
    framework: { id: 'iso-37101', edition: '2016/Amd 1:2024', content_version: '1.0.0' },
    language: 'fr',
    mode: 'quick',
    community: { name },
    purposes,
    areas,
    clauses: {},
  });
}
