/** The demo studio's people. Passwords are for the local demo only and are printed by `npm run dev`. */
export const DEMO_USERS = [
  { email: 'admin@studio.example', name: 'Alex Admin', roles: ['admin'] as const, password: 'admin-demo-2026' },
  { email: 'producer@studio.example', name: 'Priya Producer', roles: ['producer'] as const, password: 'producer-demo-2026' },
  { email: 'ana@studio.example', name: 'Ana Artist', roles: ['artist'] as const, password: 'artist-demo-2026' },
  { email: 'ben@studio.example', name: 'Ben Artist', roles: ['artist'] as const, password: 'artist-demo-2026' },
  { email: 'chloe@studio.example', name: 'Chloe Artist', roles: ['artist'] as const, password: 'artist-demo-2026' },
];
