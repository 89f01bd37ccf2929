import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { chooseInstitution, renderWidget, submitCredentials, untilNextStep } from '../test/renderWidget';

describe('analytics for the partner', () => {
  it('one pageview per screen with a stable path, one event per choice, and nothing typed in either', async () => {
    const w = await renderWidget();
    await chooseInstitution(w, 'MX Bank', 'MX Bank');
    await screen.findByRole('heading', { name: 'Enter your credentials' });
    await submitCredentials(w, 'Secret-pw-77', 'jane-analytics');
    await untilNextStep(w, () => screen.getByRole('heading', { name: 'New credentials needed' }));
    const ours = w.messages.filter((m) => m.type.startsWith('connect-widget/analytic'));
    const pageviews = ours.filter((m) => m.type === 'connect-widget/analyticPageview').map((m) => m.path);
    expect(pageviews).toEqual(['/search', '/credentials', '/connecting', '/status/denied']);
    const events = ours.filter((m) => m.type === 'connect-widget/analyticEvent');
    expect(events.map((m) => m.name)).toEqual(['search_submitted', 'institution_selected', 'credentials_submitted']);
    expect(events[1]?.metadata).toMatchObject({ institution_code: 'mxbank', source: 'results' });
    const everything = JSON.stringify(ours);
    expect(everything).not.toContain('Secret-pw-77');
    expect(everything).not.toContain('jane-analytics');
  });
});
