// English stop words: left out of the search index and of the words a question is matched on.

export const STOP_WORDS = new Set(
  `a about above after again against all also am an and any are aren't as at be because been before being below
between both but by can can't cannot could couldn't did didn't do does doesn't doing don't down during each
few for from further had hadn't has hasn't have haven't having he her here hers herself him himself his how
i if in into is isn't it it's its itself let's me more most mustn't my myself no nor not of off on once only
or other ought our ours ourselves out over own same shan't she should shouldn't so some such than that that's
the their theirs them themselves then there there's these they this those through to too under until up very
was wasn't we were weren't what what's when where which while who whom why will with won't would wouldn't you
your yours yourself yourselves via us e.g i.e etc`.split(/\s+/),
);

/** Words that make a question a question; not content to match on. */
export const QUESTION_WORDS = new Set(
  `what which who whom whose when where why how many much does do did is are was were can could should would
tell me explain define describe list show give paper papers use uses used using mention mentions about any`.split(/\s+/),
);
