import { describe, expect, it } from 'vitest';
import type { WorkflowBinding } from '../../api/types';
import { bindable, effectiveBinding } from './bindingsModel';

const binding = (unitCode: string, definitionId: string): WorkflowBinding => ({ unitCode, definitionId, boundBy: 'admin', boundAt: '2026-01-01T00:00:00Z' });

describe('一乡一策 bindings', () => {
  const bindings = [binding('140521', 'qinshui-county'), binding('140521100', 'shili-township')];

  it('a township runs its own binding first', () => {
    expect(effectiveBinding('140521100', '140521', bindings)).toEqual({ definitionId: 'shili-township', source: 'own' });
  });

  it('an unbound township runs its county\'s', () => {
    expect(effectiveBinding('140521101', '140521', bindings)).toEqual({ definitionId: 'qinshui-county', source: 'county' });
  });

  it('with neither bound, the default', () => {
    expect(effectiveBinding('140502001', '140502', bindings)).toEqual({ definitionId: 'event-handling', source: 'default' });
    expect(effectiveBinding('140502', null, bindings)).toEqual({ definitionId: 'event-handling', source: 'default' });
  });

  it('a county is its own binding or the default', () => {
    expect(effectiveBinding('140521', null, bindings)).toEqual({ definitionId: 'qinshui-county', source: 'own' });
  });

  it('offers only definitions with a published version', () => {
    expect(bindable([
      { id: 'a', name: 'A', latestVersion: 1, hasDraft: false }, { id: 'b', name: 'B', latestVersion: null, hasDraft: true },
    ]).map((d) => d.id)).toEqual(['a']);
  });
});
