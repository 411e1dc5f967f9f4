export declare const READER_HEADER: string;
export declare const ARTICLE_PAGE_PATH: RegExp;
export declare function hasReaderCookies(cookieHeader: string | null | undefined): boolean;
