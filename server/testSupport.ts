/** What the widget sends to create a member at MX Bank with this password (server tests). */
export function mxBankMemberBody(password: string, username = 'jane'): string {
  return JSON.stringify({
    member: {
      institution_code: 'mxbank',
      credentials: [
        { guid: 'CRD-mxbank-login', value: username },
        { guid: 'CRD-mxbank-password', value: password },
      ],
    },
  });
}
