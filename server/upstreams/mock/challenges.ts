import type { ChallengeType, MockChallenge } from './types';

/** The answer that passes each sandbox challenge (sandbox.md). */
export const CORRECT_ANSWER: Record<ChallengeType, string> = {
  TEXT: 'correct',
  TOKEN: '123456',
  OPTIONS: 'correct',
  IMAGE_DATA: 'correct',
  IMAGE_OPTIONS: 'correct',
};

function svgDataUri(body: string, color: string): string {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="96" height="64" viewBox="0 0 96 64"><rect width="96" height="64" fill="${color}"/>${body}</svg>`;
  return `data:image/svg+xml,${encodeURIComponent(svg)}`;
}

const captcha = svgDataUri(
  '<text x="48" y="40" font-family="monospace" font-size="20" fill="#fff" text-anchor="middle">c0rr3ct</text>',
  '#334155',
);
const shape = (color: string, body: string) => svgDataUri(body, color);

export function makeChallenge(type: ChallengeType, nextId: () => string): MockChallenge {
  const guid = `CHL-${nextId()}`;
  switch (type) {
    case 'TEXT':
      return { guid, type, field_name: 'security_question', label: 'What city were you born in? (sandbox: correct)' };
    case 'TOKEN':
      return {
        guid,
        type,
        field_name: 'token',
        label: 'Enter the 6-digit code we sent to your phone (sandbox: 123456)',
      };
    case 'OPTIONS':
      return {
        guid,
        type,
        field_name: 'delivery_method',
        label: 'Where should we send your security code?',
        options: [
          { guid: `${guid}-a`, label: 'Text message to (***) ***-1234', value: 'correct' },
          { guid: `${guid}-b`, label: 'Email to j***@example.com', value: 'wrong' },
        ],
      };
    case 'IMAGE_DATA':
      return { guid, type, field_name: 'captcha', label: 'Type the text shown in the image', image_data: captcha };
    case 'IMAGE_OPTIONS':
      return {
        guid,
        type,
        field_name: 'security_image',
        label: 'Choose your security image',
        image_options: [
          {
            guid: `${guid}-a`,
            label: 'Sailboat',
            value: 'correct',
            data_uri: shape(
              '#0369a1',
              '<path d="M20 50h56l-8 8H28z" fill="#fff"/><path d="M48 10v36H26z" fill="#fff"/>',
            ),
          },
          {
            guid: `${guid}-b`,
            label: 'Tree',
            value: 'wrong-tree',
            data_uri: shape(
              '#15803d',
              '<circle cx="48" cy="26" r="16" fill="#fff"/><rect x="44" y="40" width="8" height="18" fill="#fff"/>',
            ),
          },
          {
            guid: `${guid}-c`,
            label: 'House',
            value: 'wrong-house',
            data_uri: shape('#b45309', '<path d="M24 34L48 12l24 22v24H24z" fill="#fff"/>'),
          },
        ],
      };
  }
}

/** OPTIONS and IMAGE_OPTIONS may be answered with either the option's value or its guid. */
export function isCorrect(challenge: MockChallenge, answer: string): boolean {
  const expected = CORRECT_ANSWER[challenge.type];
  if (answer === expected) return true;
  const options = challenge.options ?? challenge.image_options ?? [];
  return options.some((o) => o.guid === answer && o.value === expected);
}
