import type { EventSettings } from '../core/types.js';

/**
 * The embedded default: the climate gathering for the municipalities of Møre og Romsdal,
 * Ålesund, 11–12 November 2021, lunch to lunch (see the invitation in the README).
 */
export const DEFAULT_EVENT: EventSettings = {
  name: 'Klimasamling for kommunane i Møre og Romsdal',
  venue: 'Ålesund',
  timeZone: 'Europe/Oslo',
  start: '2021-11-11T12:00',
  end: '2021-11-12T12:00',
  mainNight: '2021-11-11',
  extraNight: '2021-11-10',
  deadline: '2021-09-15',
  quota: 4,
  latePolicy: 'review',
  region: { county: '15', period: '2020' },
  register: null,
  extraNightReview: ['1507'],
  hotels: [],
  roomRate: null,
  roomingList: { email: false, phone: false, includeOverQuota: false, roomType: 'single' },
  assumeInPerson: true,
  assumeNeedsRoom: true,
  columns: {},
  aliases: {},
};
