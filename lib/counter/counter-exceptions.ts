// COUNTER R5.1 exceptions (Code of Practice, Appendix D): the code, the standard message and the
// HTTP status the COUNTER API answers with when the exception stops the request (the others are
// listed in the report header of a 200 answer).

export type CounterException = { Code: number; Message: string; Data?: string };

const EXCEPTIONS = {
  1000: ['Service Not Available', 503],
  1030: ['Insufficient Information to Process Request', 400],
  2000: ['Requestor Not Authorized to Access Service', 401],
  2010: ['Requestor is Not Authorized to Access Usage for Institution', 403],
  2011: ['Global Reports Not Supported', 403],
  2020: ['APIKey Invalid', 401],
  3000: ['Report Not Supported', 404],
  3020: ['Invalid Date Arguments', 400],
  3030: ['No Usage Available for Requested Dates', 200],
  3031: ['Usage Not Ready for Requested Dates', 200],
  3032: ['Usage No Longer Available for Requested Dates', 200],
  3050: ['Parameter Not Recognized in this Context', 200],
  3060: ['Invalid ReportFilter Value', 200],
  3061: ['Incongruous ReportFilter Value', 200],
  3062: ['Invalid ReportAttribute Value', 200],
} as const satisfies Record<number, readonly [string, number]>;

export type CounterExceptionCode = keyof typeof EXCEPTIONS;

export function counterException(code: CounterExceptionCode, data?: string): CounterException {
  return { Code: code, Message: EXCEPTIONS[code][0], ...(data ? { Data: data } : {}) };
}

/** The HTTP status of an exception that stops the request. */
export function httpStatusOf(exception: CounterException): number {
  return (EXCEPTIONS as Record<number, readonly [string, number]>)[exception.Code]?.[1] ?? 400;
}

/** Thrown by the API's checks; the route answers it as JSON with its status. */
export class CounterRequestError extends Error {
  constructor(readonly exception: CounterException) {
    super(exception.Message);
  }
}
