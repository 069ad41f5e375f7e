import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/client';
import { definitionIdPattern, fieldErrorsOf, newDefinitionBody } from './newDefinition';

describe('a new definition', () => {
  it('takes ids the server takes', () => {
    expect(['shili-township', 'a', 'flow2'].every((id) => definitionIdPattern.test(id))).toBe(true);
    expect(['Shili', '2flow', 'shili_township', '', '-a', 'a'.repeat(65)].some((id) => definitionIdPattern.test(id))).toBe(false);
  });

  it('sends trimmed names and leaves an empty English name out', () => {
    expect(newDefinitionBody({ id: ' shili ', name: ' 十里乡流程 ', nameEn: ' ' })).toEqual({ id: 'shili', name: '十里乡流程' });
    expect(newDefinitionBody({ id: 'shili', name: '十里乡流程', nameEn: 'Shili workflow ' })).toEqual({ id: 'shili', name: '十里乡流程', nameEn: 'Shili workflow' });
  });

  it('shows a refusal beside the field it names', () => {
    expect(fieldErrorsOf(new ApiError(400, { errors: { Id: ['编号格式不对'], name: ['必填', '过长'] } }))).toEqual({ id: '编号格式不对', name: '必填 过长' });
    expect(fieldErrorsOf(new ApiError(409, { field: 'id', detail: '流程编号 shili 已存在' }))).toEqual({ id: '流程编号 shili 已存在' });
    expect(fieldErrorsOf(new ApiError(403, { title: 'Forbidden' }))).toEqual({ '': 'Forbidden' });
    expect(fieldErrorsOf(new Error('offline'))).toEqual({ '': 'offline' });
  });
});
