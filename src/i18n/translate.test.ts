import { afterEach, describe, expect, it, vi } from 'vitest';
import { en } from './en';
import { createTranslator } from './translate';

describe('createTranslator', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('fills in a message that is there, and says nothing', () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    expect(createTranslator({ ...en })('search.resultCount.other', { count: 3 })).toBe('3 institutions found');
    expect(error).not.toHaveBeenCalled();
  });

  it('reads a later key before the later messages load as itself, and says so once, naming it', () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const t = createTranslator({ ...en });
    expect(t('help.detailsCount.other')).toBe('help.detailsCount.other');
    expect(t('help.detailsCount.other')).toBe('help.detailsCount.other');
    expect(createTranslator({ ...en })('help.detailsCount.other')).toBe('help.detailsCount.other');
    expect(error).toHaveBeenCalledOnce();
    expect(String(error.mock.calls[0]?.[0])).toContain('"help.detailsCount.other"');
  });
});
